/**
 * Build servers act on commands found in a step's output: Azure Pipelines on `##vso[` (and GitHub
 * Actions on the legacy `##[`) anywhere in a line, TeamCity on `##teamcity[`, GitHub Actions on `::`
 * at the start of a line (after leading whitespace). Untrusted text (commit messages, server answers)
 * goes through one of these two functions at every output sink, so it can never form such a command.
 */
const hashCommand = /##(?=vso\[|teamcity\[|\[)/gi;
const lineStartCommand = /(^|[\r\n\u0085\u2028\u2029])([^\S\r\n\u0085\u2028\u2029]*)::/g;

/** C0 controls but tab and line breaks, DEL and C1: terminal sequences (ESC, CSI, OSC 52's clipboard write). */
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text for a build log or a terminal: `##vso[` → `**vso[` (as the Azure agent itself masks it),
 * `##teamcity[` → `**teamcity[`, `##[` → `**[`, `::` starting any line → `**::`, and control
 * characters (other than tab and line breaks) → U+FFFD, so no terminal escape sequence gets through. */
export function neutraliseLogCommands(text: string): string {
  return text
    .replace(controlCharacter, "\uFFFD")
    .replace(hashCommand, "**")
    .replace(lineStartCommand, "$1$2**::");
}

/**
 * JSON text (as `JSON.stringify` writes it) in which no `##` or `::` appears, so no line of it can be a
 * command; it parses to exactly the same data. Outside strings JSON never has `#`, `::` or control
 * characters, so only string contents change (`#` → `\u0023`, `:` → `\u003a`, and DEL and C1, which
 * `JSON.stringify` leaves raw, → `\u007f`…`\u009f`, so no 8-bit terminal sequence gets through).
 */
export function escapeLogCommandsInJson(json: string): string {
  return json
    .replaceAll("##", "\\u0023\\u0023")
    .replaceAll("::", "\\u003a\\u003a")
    .replace(/[\u007f-\u009f]/g, (character) => `\\u00${character.charCodeAt(0).toString(16)}`);
}
