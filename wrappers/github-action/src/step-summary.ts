import type { BuildInformation } from "@buildinfo/core";

export interface StepSummaryPackage {
  packageId: string;
  version: string;
  /** `created`, `overwritten`, `ignored`, `failed`; absent when the push never ran. */
  outcome?: string | undefined;
  /** Why it failed, when it did. */
  message?: string | undefined;
  /** The record in the Octopus web portal. */
  link?: string | undefined;
}

export interface StepSummaryInput {
  packages: StepSummaryPackage[];
  /** What was collected; absent when collecting failed. */
  buildInformation?: BuildInformation | undefined;
  /** A failure that stopped the step before or during the push. */
  error?: string | undefined;
  /** At most this many commits are listed (the job summary is limited to 1 MiB per step). Default 50. */
  maxCommits?: number;
}

/** The Markdown the action appends to `GITHUB_STEP_SUMMARY`: a package table, then the build information. */
export function renderStepSummary(input: StepSummaryInput): string {
  const lines = ["### Octopus build information", ""];
  if (input.error !== undefined) lines.push(`> [!CAUTION]`, `> ${cell(input.error)}`, "");
  lines.push("| Package | Version | Result |", "| --- | --- | --- |");
  for (const pkg of input.packages) {
    const result = pkg.outcome === undefined ? "not pushed" : pkg.outcome;
    const detail = pkg.message === undefined ? "" : `: ${pkg.message}`;
    const name = linked(cell(pkg.packageId), pkg.link);
    lines.push(`| ${name} | ${cell(pkg.version)} | ${cell(result + detail)} |`);
  }
  const info = input.buildInformation;
  if (info === undefined) return `${lines.join("\n")}\n`;
  const build = linked(cell(info.BuildNumber ?? ""), info.BuildUrl);
  lines.push(
    "",
    "| Field | Value |",
    "| --- | --- |",
    `| Build | ${build} |`,
    `| Branch | ${cell(info.Branch ?? "")} |`,
    `| VCS | ${cell(info.VcsType ?? "")} ${cell(info.VcsRoot ?? "")} |`,
    `| Commit | ${code(info.VcsCommitNumber ?? "")} |`,
    `| Commits | ${info.Commits.length} |`,
  );
  const maxCommits = input.maxCommits ?? 50;
  if (info.Commits.length > 0) {
    lines.push("", `<details><summary>${info.Commits.length} commit(s)</summary>`, "");
    for (const commit of info.Commits.slice(0, maxCommits)) {
      lines.push(`- ${code(commit.Id.slice(0, 12))} ${cell(firstLine(commit.Comment))}`);
    }
    if (info.Commits.length > maxCommits) lines.push(`- … and ${info.Commits.length - maxCommits} more`);
    lines.push("", "</details>");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Every line terminator a Markdown renderer or a viewer might honour: CommonMark ends a line at LF, CR
 * or CRLF (a lone CR too: https://spec.commonmark.org/0.31.2/#line-ending), and U+2028, U+2029, NEL,
 * VT and FF end lines elsewhere (JavaScript, Unicode's line breaking). A commit message must not end
 * the table row or list item it is in, or its next line becomes a heading, a link definition or HTML.
 */
const lineTerminators = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

function firstLine(text: string): string {
  return text.split(lineTerminators, 1)[0] ?? "";
}

function oneLine(text: string): string {
  return text.replace(lineTerminators, " ");
}

/**
 * Text safe inside a Markdown table cell: one line, no column breaks, no HTML, and no Markdown of its
 * own (a commit message's `[text](url)` or `![](url)` stays text, not a link or an image).
 */
function cell(text: string): string {
  return oneLine(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_~[\]|]/g, "\\$&");
}

/**
 * `[text](url)` for an http(s) URL, every character that could end the destination or the cell
 * percent-encoded (a record id in the URL comes from the server); plain text for anything else.
 */
function linked(text: string, url: string | undefined): string {
  if (url === undefined || !/^https?:\/\//i.test(url)) return text;
  const destination = url.replace(/[\s\x00-\x1f\x7f\u0085()<>[\]|`"'\\]/g, (character) =>
    character.charCodeAt(0) < 0x80
      ? `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
      : encodeURIComponent(character),
  );
  return `[${text}](${destination})`;
}

function code(text: string): string {
  return text === "" ? "" : `\`${oneLine(text).replace(/`/g, "")}\``;
}
