/**
 * The Jira tracker's key pattern, `(?<![A-Z0-9\$\.]-?)(?>[A-Z][A-Z0-9]+-\d+)(?![A-Z])` with IgnoreCase,
 * with .NET's atomic group emulated by a capturing lookahead and a backreference.
 */
const jiraKey = /(?<![A-Z0-9$.]-?)(?=([A-Z][A-Z0-9]+-\d+))\1(?![A-Z])/gi;

/** Every Jira key in the text, as written, in order of appearance. */
export function parseJiraKeys(text: string): string[] {
  return Array.from(text.matchAll(jiraKey), (match) => match[1]!);
}
