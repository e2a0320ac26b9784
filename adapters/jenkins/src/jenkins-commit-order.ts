import type { RawCommit } from "@buildinfo/core";
import type { JenkinsCommit } from "./jenkins-build-api";

/**
 * Newest first across every change set (a pipeline has one per checkout, in checkout order, and the same
 * repository may be checked out twice) by each item's `timestamp`; a stable sort, so commits of the same
 * time keep the order Jenkins gave. Without a timestamp on every item the given order is kept. The core
 * then drops repeated ids keeping the first, which is now the newest.
 */
export function newestFirst(commits: JenkinsCommit[]): RawCommit[] {
  const ordered = commits.every((commit) => commit.timestamp !== undefined)
    ? [...commits].sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0))
    : commits;
  return ordered.map(({ id, comment }) => ({ id, comment }));
}
