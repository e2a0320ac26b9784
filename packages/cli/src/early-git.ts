import type { PrefetchedGit } from "@buildinfo/git/prefetch";
import type { EarlyGitRange } from "./early-git-range";

let started: PrefetchedGit | undefined;

/**
 * Starts `git rev-parse` and `git log` of the range right away, so git works while the rest of the
 * CLI loads (docs/performance.md). The command's git reader takes the results if it asks for the
 * same command lines; otherwise it runs its own. The code that starts git is imported here, not with
 * this module, which every collect and push loads for `earlyGit()`.
 */
export async function startEarlyGit(range: EarlyGitRange): Promise<void> {
  const { prefetchCommitsSince } = await import("@buildinfo/git/prefetch");
  started = prefetchCommitsSince(process.cwd(), range.since, range.maxCount);
}

/** What `startEarlyGit` started in this process, if anything. */
export function earlyGit(): PrefetchedGit | undefined {
  return started;
}
