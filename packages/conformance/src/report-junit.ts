import type { CaseResult, ConformanceReport } from "./run-conformance";

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Text as XML 1.0 character data or an attribute: escaped, without the characters XML cannot hold, and
 * with the second character of each `##` and `::` (and DEL and C1) as a character reference, so the
 * document holds nothing a build log reads as a command or a terminal as an escape, yet parses to the
 * same text.
 */
function xml(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, "\ufffd")
    .replace(/[&<>"']/g, (char) => entities[char]!)
    .replace(/##/g, "#&#35;")
    .replace(/::/g, ":&#58;")
    .replace(/[\u007f-\u009f]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function testcases(result: CaseResult): string[] {
  const classname = xml(`conformance.${result.server}.${result.case}`);
  return result.rows.map((row) => {
    const name = xml(`${result.case} ${row.name}`);
    if (row.passed) return `    <testcase classname="${classname}" name="${name}"/>`;
    const message = `expected ${row.expected ?? ""}, got ${row.actual ?? ""}`;
    const details = [
      result.title,
      `Source: ${result.source}`,
      message,
      ...(row.name === "exit" ? ["Plugin output (last run):", result.runs.at(-1)?.output ?? ""] : []),
      ...(result.unansweredRequests.length > 0
        ? [`Requests the vector has no answer for: ${result.unansweredRequests.join(", ")}`]
        : []),
    ].join("\n");
    return [
      `    <testcase classname="${classname}" name="${name}">`,
      `      <failure message="${xml(message)}" type="ConformanceMismatch">${xml(details)}</failure>`,
      "    </testcase>",
    ].join("\n");
  });
}

/** One test suite per server, one test case per row of each vector (exit, push, each field): for CI. */
export function formatJunit(report: ConformanceReport): string {
  const servers = [...new Set(report.results.map((result) => result.server))];
  const count = (results: readonly CaseResult[]) => results.flatMap((result) => result.rows);
  const failures = (results: readonly CaseResult[]) => count(results).filter((row) => !row.passed).length;
  const suites = servers.map((server) => {
    const results = report.results.filter((result) => result.server === server);
    return [
      `  <testsuite name="${xml(server)}" tests="${count(results).length}" failures="${failures(results)}" errors="0" skipped="0">`,
      ...results.flatMap(testcases),
      "  </testsuite>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="buildinfo conformance" tests="${count(report.results).length}" failures="${failures(report.results)}" errors="0">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}
