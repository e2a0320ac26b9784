import type { ConformanceReport } from "./run-conformance";

/** The whole report as JSON: the plugin, a summary, and every case with its rows, runs and unanswered requests. */
export function formatJson(report: ConformanceReport): string {
  const rows = report.results.flatMap((result) => result.rows);
  return `${JSON.stringify(
    {
      plugin: report.plugin,
      passed: report.passed,
      summary: {
        cases: report.results.length,
        casesPassed: report.results.filter((result) => result.passed).length,
        rows: rows.length,
        rowsFailed: rows.filter((row) => !row.passed).length,
      },
      results: report.results,
    },
    null,
    2,
  )}\n`;
}
