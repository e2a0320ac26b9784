import { describe, expect, it } from "vitest";
import { cleanText } from "../src/clean-text";
import { normalizeCommits } from "../src/commits";
import type { RawCommit } from "../src/index";
import { commitCountWarningThreshold, defaultCommitCap } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

function commitsNewestFirst(count: number): RawCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    id: (count - index).toString(16).padStart(40, "0"),
    comment: `Change ${count - index}`,
  }));
}

describe("normalizeCommits", () => {
  it("keeps the adapter's order (newest first) and full multi-line messages", () => {
    const raw = [
      { id: "c3", comment: "SHOP-12 cache prices\n\nThe long explanation.\n\nFixes #41" },
      { id: "c2", comment: "Second" },
      { id: "c1", comment: "First" },
    ];
    const result = normalizeCommits(raw);
    expect(result.commits).toEqual([
      { Id: "c3", Comment: "SHOP-12 cache prices\n\nThe long explanation.\n\nFixes #41" },
      { Id: "c2", Comment: "Second" },
      { Id: "c1", Comment: "First" },
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.dropped).toBe(0);
  });

  it("de-duplicates by id, the first occurrence winning", () => {
    const result = normalizeCommits([
      { id: "abc123", comment: "first copy" },
      { id: "def456", comment: "other" },
      { id: "abc123", comment: "second copy" },
      { id: "ABC123", comment: "same sha, other case" },
      { id: " def456 ", comment: "padded" },
    ]);
    expect(result.commits).toEqual([
      { Id: "abc123", Comment: "first copy" },
      { Id: "def456", Comment: "other" },
    ]);
  });

  it("removes NULs, replaces lone surrogates and trims trailing whitespace", () => {
    const result = normalizeCommits([
      { id: "a\u0000b", comment: "  keep leading\u0000 text \uD83D\uDE00 \uD800 and \uDC00  \n\t \r\n" },
    ]);
    expect(result.commits).toEqual([
      { Id: "ab", Comment: "  keep leading text \uD83D\uDE00 \uFFFD and \uFFFD" },
    ]);
    expect(Buffer.from(result.commits[0]!.Comment, "utf8").toString("utf8")).toBe(result.commits[0]!.Comment);
  });

  it("drops commits without an id and says how many", () => {
    const result = normalizeCommits([
      { id: "", comment: "no id" },
      { id: "   ", comment: "blank id" },
      { id: "a1", comment: "kept" },
    ]);
    expect(result.commits).toEqual([{ Id: "a1", Comment: "kept" }]);
    expect(result.warnings).toEqual(["Dropped 2 commits without an id."]);
  });

  it("keeps an empty message as an empty comment", () => {
    expect(normalizeCommits([{ id: "a1", comment: " \n " }]).commits).toEqual([{ Id: "a1", Comment: "" }]);
  });

  it("keeps a 5 MB message whole", () => {
    const message = `SHOP-1 huge\n${"0123456789abcdef".repeat(5 * 65_536)}`;
    const result = normalizeCommits([{ id: "a1", comment: message }]);
    expect(result.commits[0]!.Comment.length).toBe(message.length);
    expect(result.commits[0]!.Comment).toBe(message);
  });

  it("warns above 200 commits, as the Go CLI does", () => {
    expect(normalizeCommits(commitsNewestFirst(commitCountWarningThreshold)).warnings).toEqual([]);
    const warnings = normalizeCommits(commitsNewestFirst(commitCountWarningThreshold + 1)).warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("201 commits");
    expect(warnings[0]).toContain("misconfiguration of your build server");
  });

  it("caps 20,000 commits at the default 10,000, keeping the newest and naming how many were dropped", () => {
    const raw = commitsNewestFirst(20_000);
    const result = normalizeCommits(raw);
    expect(defaultCommitCap).toBe(10_000);
    expect(result.commits).toHaveLength(10_000);
    expect(result.commits[0]!.Id).toBe(raw[0]!.id);
    expect(result.commits.at(-1)!.Id).toBe(raw[9_999]!.id);
    expect(result.dropped).toBe(10_000);
    expect(result.warnings.some((warning) => warning.includes("10000 older commits were dropped"))).toBe(
      true,
    );
  });

  it("applies a configured cap", () => {
    const result = normalizeCommits(commitsNewestFirst(5), { cap: 3 });
    expect(result.commits.map((commit) => commit.Comment)).toEqual(["Change 5", "Change 4", "Change 3"]);
    expect(result.dropped).toBe(2);
    expect(result.warnings).toEqual([
      "Kept the newest 3 of 5 commits: 2 older commits were dropped (commit cap 3).",
    ]);
    expect(normalizeCommits(commitsNewestFirst(2), { cap: 0 }).commits).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN])("refuses the cap %s", (cap) => {
    expect(catchBuildInfoError(() => normalizeCommits([], { cap })).code).toBe("E_USAGE");
  });

  it("gives an empty list for no commits", () => {
    expect(normalizeCommits([])).toEqual({ commits: [], warnings: [], dropped: 0 });
  });
});

describe("cleanText", () => {
  it("leaves well-formed text alone", () => {
    const text = "Ünïcödé ✓ \uD83D\uDE80 line\nline";
    expect(cleanText(text)).toBe(text);
  });
});
