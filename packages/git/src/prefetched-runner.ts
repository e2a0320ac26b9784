import type { GitResult, GitRunner } from "@buildinfo/core";

/**
 * git commands started before anyone asked for them (`prefetchCommitsSince` in
 * `@buildinfo/git/prefetch`), so git works while the rest of the program loads; a runner wrapped with
 * `withPrefetched` takes a result when it asks for the same command line.
 */
export interface PrefetchedGit {
  readonly cwd: string;
  /** The result of exactly `args`, if it was started early and succeeded; else undefined. */
  take(args: readonly string[]): Promise<GitResult | undefined>;
}

/** `runner`, answering from `prefetched` where it already ran the same command in the same directory. */
export function withPrefetched(runner: GitRunner, prefetched: PrefetchedGit | undefined): GitRunner {
  if (prefetched === undefined || prefetched.cwd !== runner.cwd) return runner;
  return {
    cwd: runner.cwd,
    run: async (args) => (await prefetched.take(args)) ?? runner.run(args),
  };
}
