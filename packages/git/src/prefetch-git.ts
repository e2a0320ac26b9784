import { spawn } from "node:child_process";
import type { GitResult, GitRunner } from "@buildinfo/core";
import { commitLogArgs, gitEnvironment, headCommitArgs } from "./git-commands";

/**
 * git commands started before anyone asked for them, so git works while the rest of the program
 * loads; a runner wrapped with `withPrefetched` takes a result when it asks for the same command line.
 */
export interface PrefetchedGit {
  readonly cwd: string;
  /** The result of exactly `args`, if it was started early and succeeded; else undefined. */
  take(args: readonly string[]): Promise<GitResult | undefined>;
}

interface Started {
  args: readonly string[];
  result: Promise<GitResult | undefined>;
}

/** A git process's output, or undefined when it could not start (the real runner then explains why). */
function start(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Started {
  const result = new Promise<GitResult | undefined>((resolve) => {
    const child = spawn("git", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", () => resolve(undefined));
    child.on("close", (code) =>
      resolve({
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString("utf8"),
        exitCode: code ?? 1,
      }),
    );
  });
  return { args, result };
}

const sameArgs = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((arg, index) => arg === b[index]);

/**
 * Starts what the git adapter asks for with `--since`: HEAD, then the commits from `since` to it
 * (at most `maxCount`). A failed or different request is left to the real runner.
 */
export function prefetchCommitsSince(
  cwd: string,
  since: string,
  maxCount: number,
  env: NodeJS.ProcessEnv = process.env,
): PrefetchedGit {
  const gitEnv = gitEnvironment(env);
  const head = start(cwd, headCommitArgs, gitEnv);
  const log = head.result.then((result) =>
    result?.exitCode === 0
      ? start(cwd, commitLogArgs([`${since}..${result.stdout.toString("utf8").trim()}`], maxCount), gitEnv)
      : undefined,
  );
  const taken = new Set<Started>();
  return {
    cwd,
    async take(args) {
      const started = sameArgs(args, headCommitArgs) ? head : args[0] === "log" ? await log : undefined;
      if (started === undefined || taken.has(started) || !sameArgs(args, started.args)) return undefined;
      taken.add(started);
      const result = await started.result;
      return result?.exitCode === 0 ? result : undefined;
    },
  };
}

/** `runner`, answering from `prefetched` where it already ran the same command in the same directory. */
export function withPrefetched(runner: GitRunner, prefetched: PrefetchedGit | undefined): GitRunner {
  if (prefetched === undefined || prefetched.cwd !== runner.cwd) return runner;
  return {
    cwd: runner.cwd,
    run: async (args) => (await prefetched.take(args)) ?? runner.run(args),
  };
}
