import type { Commit } from "./build-information";
import { cleanText } from "./clean-text";
import type { RawCommit } from "./draft";
import { BuildInfoError } from "./errors";

export const defaultCommitCap = 10_000;
/** The Go CLI's threshold for warning that the commit range may be wrong. */
export const commitCountWarningThreshold = 200;

export interface CommitOptions {
  /** The most commits kept; the newest are kept. Default 10,000. */
  cap?: number;
}

export interface NormalizedCommits {
  commits: Commit[];
  warnings: string[];
  /** How many commits the cap removed. */
  dropped: number;
}

/**
 * Commits in the order the adapter gave them (newest first), de-duplicated by id (the first occurrence
 * wins), with full, cleaned messages, and capped.
 */
export function normalizeCommits(raw: readonly RawCommit[], options: CommitOptions = {}): NormalizedCommits {
  const cap = options.cap ?? defaultCommitCap;
  if (!Number.isInteger(cap) || cap < 0) {
    throw new BuildInfoError("E_USAGE", `The commit cap must be a whole number of at least 0, not ${cap}.`, {
      hint: "Pass a commit cap such as 10000.",
    });
  }
  const warnings: string[] = [];
  const seen = new Set<string>();
  const commits: Commit[] = [];
  let withoutId = 0;
  for (const commit of raw) {
    const id = cleanText(String(commit.id ?? "")).trim();
    if (id === "") {
      withoutId++;
      continue;
    }
    const key = id.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    commits.push({ Id: id, Comment: cleanText(String(commit.comment ?? "")) });
  }
  if (withoutId > 0) {
    warnings.push(`Dropped ${withoutId} commit${withoutId === 1 ? "" : "s"} without an id.`);
  }
  const total = commits.length;
  if (total > commitCountWarningThreshold) {
    warnings.push(
      `This build has ${total} commits, more than ${commitCountWarningThreshold}. This may be due to a misconfiguration of your build server (for example a wrong previous-build commit or commit range).`,
    );
  }
  const dropped = Math.max(0, total - cap);
  if (dropped > 0) {
    commits.length = cap;
    warnings.push(
      `Kept the newest ${cap} of ${total} commits: ${dropped} older commit${dropped === 1 ? " was" : "s were"} dropped (commit cap ${cap}).`,
    );
  }
  return { commits, warnings, dropped };
}
