import type { ResultRow } from "./compare-record";
import type { CaseResult, ConformanceReport } from "./run-conformance";
import { expectedFields } from "./vector";

const columns = [
  ["exit", "exit"],
  ["pushed", "push"],
  ["BuildEnvironment", "env"],
  ["BuildNumber", "number"],
  ["BuildUrl", "url"],
  ["Branch", "branch"],
  ["VcsType", "type"],
  ["VcsRoot", "root"],
  ["VcsCommitNumber", "commit"],
  ["Commits", "commits"],
] as const satisfies readonly (readonly [ResultRow["name"], string])[];

/** A value from the plugin or the vector, on one line and not too long for a terminal. */
function oneLine(text: string | undefined, limit = 200): string {
  const flat = (text ?? "").replace(
    /[\u0000-\u001f\u007f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

const caseName = (result: CaseResult) => `${result.server}/${result.case}`;

function failureLines(result: CaseResult): string[] {
  const lines = result.rows
    .filter((row) => !row.passed)
    .map(
      (row) =>
        `  ${caseName(result)}  ${row.name}: expected ${oneLine(row.expected)}, got ${oneLine(row.actual)}`,
    );
  if (result.rows.some((row) => row.name === "exit" && !row.passed)) {
    const tail = (result.runs.at(-1)?.output ?? "").trimEnd().split("\n").slice(-8);
    lines.push(...tail.filter(Boolean).map((line) => `      | ${oneLine(line, 160)}`));
  }
  if (!result.passed && result.unansweredRequests.length > 0) {
    lines.push(
      `      requests the vector has no answer for: ${oneLine(result.unansweredRequests.join(", "), 400)}`,
    );
  }
  return lines;
}

/** A matrix of cases × rows (ok, FAIL, or - where a row does not apply), then each failure in words. */
export function formatText(report: ConformanceReport): string {
  const width = Math.max(4, ...report.results.map((result) => caseName(result).length)) + 2;
  // Each column as wide as its title or FAIL, whichever is wider.
  const cellWidth = (title: string) => Math.max(title.length, 4) + 1;
  const header = `${"case".padEnd(width)}${columns.map(([, title]) => title.padEnd(cellWidth(title))).join("")}`;
  const lines = report.results.map((result) => {
    const marks = columns.map(([name, title]) => {
      const row = result.rows.find((candidate) => candidate.name === name);
      const mark = row === undefined ? "-" : row.passed ? "ok" : "FAIL";
      return mark.padEnd(cellWidth(title));
    });
    return `${caseName(result).padEnd(width)}${marks.join("")}`.trimEnd();
  });
  const failures = report.results.flatMap(failureLines);
  const rows = report.results.flatMap((result) => result.rows);
  const passedCases = report.results.filter((result) => result.passed).length;
  const failedRows = rows.filter((row) => !row.passed).length;
  return [
    header.trimEnd(),
    ...lines,
    ...(failures.length === 0 ? [] : ["", "Failed rows:", ...failures]),
    "",
    `${passedCases} of ${report.results.length} cases passed; ${failedRows} of ${rows.length} rows failed ` +
      `(each case: exit, push, and the fields ${expectedFields.join(", ")}).`,
    "",
  ].join("\n");
}
