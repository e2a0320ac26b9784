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
export function compareRecord(
  expected: ExpectedBuildInformation,
  record: StoredRecord | undefined,
): ResultRow[] {
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
