import type { PluginRun } from "./plugin-command";
import { type ExpectedBuildInformation, expectedFields } from "./vector";

/** What Octopus stored for the case's package (the fields compared; the server adds others). */
export type StoredRecord = { [Field in keyof ExpectedBuildInformation]?: unknown };

/** One row of a case's result: the plugin's exit, whether it pushed, or one field of the record. */
export interface ResultRow {
  /** `exit`, `pushed`, or a field name (`Branch`, `Commits`, …). */
  name: string;
  passed: boolean;
  /** What was expected and what arrived, in words; set when the row failed. */
  expected?: string;
  actual?: string;
}

const shown = (value: unknown): string =>
  value === null || value === undefined ? "null" : JSON.stringify(value);

/** Octopus shows messages as Markdown: a trailing newline (git's own) changes nothing a user sees. */
const sameComment = (expected: string, actual: unknown) =>
  typeof actual === "string" && actual.trimEnd() === expected.trimEnd();

function compareCommits(expected: ExpectedBuildInformation["Commits"], actual: unknown): ResultRow {
  const commits = Array.isArray(actual) ? (actual as { Id?: unknown; Comment?: unknown }[]) : [];
  const firstDifference = expected.findIndex(
    (commit, index) =>
      commits[index]?.Id !== commit.Id || !sameComment(commit.Comment, commits[index]?.Comment),
  );
  if (firstDifference < 0 && commits.length === expected.length) return { name: "Commits", passed: true };
  if (firstDifference < 0) {
    return {
      name: "Commits",
      passed: false,
      expected: `${expected.length} commits`,
      actual: `${commits.length} commits (the first ${expected.length} as expected)`,
    };
  }
  const want = expected[firstDifference]!;
  const got = commits[firstDifference];
  const count =
    commits.length === expected.length ? "" : ` (${commits.length} commits, not ${expected.length})`;
  return {
    name: "Commits",
    passed: false,
    expected: `commit ${firstDifference + 1} of ${expected.length}: ${shown({ Id: want.Id, Comment: want.Comment })}`,
    actual:
      got === undefined
        ? `no commit ${firstDifference + 1}${count}`
        : `${shown({ Id: got.Id, Comment: got.Comment })}${count}`,
  };
}

/** The fields of `record` against `expected`, one row each; every row fails when nothing was stored. */
function compareRecord(expected: ExpectedBuildInformation, record: StoredRecord | undefined): ResultRow[] {
  return expectedFields.map((field): ResultRow => {
    if (record === undefined)
      return { name: field, passed: false, expected: "a record", actual: "nothing pushed" };
    if (field === "Commits") return compareCommits(expected.Commits, record.Commits);
    const want = expected[field];
    const got = record[field] ?? null;
    return want === got
      ? { name: field, passed: true }
      : { name: field, passed: false, expected: shown(want), actual: shown(got) };
  });
}

/**
 * A case's rows: with an expected record, every run exited 0, one record arrived, and each field; with
 * none (a rejection), the last run failed and nothing arrived.
 */
export function caseRows(
  expected: ExpectedBuildInformation | undefined,
  runs: readonly PluginRun[],
  records: readonly StoredRecord[],
): ResultRow[] {
  const exits = runs.map((run) => (run.timedOut ? "timed out" : String(run.exitCode))).join(", ");
  if (expected === undefined) {
    const last = runs.at(-1)?.exitCode;
    return [
      last !== 0 && last !== null && last !== undefined
        ? { name: "exit", passed: true }
        : { name: "exit", passed: false, expected: "a failure (non-zero exit)", actual: exits },
      records.length === 0
        ? { name: "pushed", passed: true }
        : { name: "pushed", passed: false, expected: "nothing pushed", actual: "a record" },
    ];
  }
  return [
    runs.every((run) => run.exitCode === 0)
      ? { name: "exit", passed: true }
      : { name: "exit", passed: false, expected: "0 for every run", actual: exits },
    records.length === 1
      ? { name: "pushed", passed: true }
      : { name: "pushed", passed: false, expected: "one record", actual: "nothing pushed" },
    ...compareRecord(expected, records[0]),
  ];
}
