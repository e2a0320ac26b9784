import { spawn } from "node:child_process";
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitResult } from "@buildinfo/core";
import { commitLogArgs, gitEnvironment, headCommitArgs } from "./git-commands";
import type { PrefetchedGit } from "./prefetched-runner";

export type { PrefetchedGit } from "./prefetched-runner";

interface Started {
  args: readonly string[];
  result: Promise<GitResult | undefined>;
}

/**
 * Where a started git writes its stdout: a temporary file, not a pipe. A pipe holds 64 KiB, and git
 * stops writing whenever it is full; early on nobody reads it, because the CLI is still loading, so
 * a 10,000-commit log took half as long again as git needs (docs/performance.md). On POSIX the file
 * is unlinked at once (the open descriptor keeps it readable), so nothing is left behind if the
 * process is killed; Windows cannot unlink an open file, so there it goes when it has been read.
 */
function openOutputFile(): { fd: number; finish(): Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "buildinfo-git-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  let fd: number;
  try {
    fd = openSync(join(dir, "stdout"), "w+", 0o600);
  } catch (error) {
    remove();
    throw error;
  }
  if (process.platform !== "win32") remove();
  return {
    fd,
    /** What git wrote; closes and removes the file. */
    finish() {
      try {
        const output = Buffer.allocUnsafe(fstatSync(fd).size);
        let read = 0;
        while (read < output.length) {
          const count = readSync(fd, output, read, output.length - read, read);
          if (count === 0) break;
          read += count;
        }
        return output.subarray(0, read);
      } finally {
        closeSync(fd);
        remove();
      }
    },
  };
}

/** A git process's output, or undefined when it could not start (the real runner then explains why). */
function start(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Started {
  const result = new Promise<GitResult | undefined>((resolve) => {
    let stdout: ReturnType<typeof openOutputFile>;
    try {
      stdout = openOutputFile();
    } catch {
      return resolve(undefined); // no temporary directory to write to: the real runner uses a pipe
    }
    const child = spawn("git", args, { cwd, env, stdio: ["ignore", stdout.fd, "pipe"], windowsHide: true });
    const stderr: Buffer[] = [];
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    let failed = false;
    child.on("error", () => {
      failed = true;
      stdout.finish();
      resolve(undefined);
    });
    child.on("close", (code) => {
      if (failed) return;
      resolve({
        stdout: stdout.finish(),
        stderr: Buffer.concat(stderr).toString("utf8"),
        exitCode: code ?? 1,
      });
    });
  });
  return { args, result };
}

const sameArgs = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((arg, index) => arg === b[index]);

/**
 * Starts what the git adapter asks for with `--since`: HEAD, and the commits from `since` to it (at
 * most `maxCount`). Both start at once: the log reads `since..HEAD`, and it answers the adapter's
 * `since..<HEAD's sha>` only when its first commit is that sha, that is when HEAD did not move in
 * between (git log starts from the tip it was given). An empty log cannot show that and is left to
 * the real runner, as is a failed or different request.
 */
export function prefetchCommitsSince(
  cwd: string,
  since: string,
  maxCount: number,
  env: NodeJS.ProcessEnv = process.env,
): PrefetchedGit {
  const gitEnv = gitEnvironment(env);
  const head = start(cwd, headCommitArgs, gitEnv);
  const log = start(cwd, commitLogArgs([`${since}..HEAD`], maxCount), gitEnv);
  const taken = new Set<Started>();
  const succeeded = async (started: Started) => {
    if (taken.has(started)) return undefined;
    taken.add(started);
    const result = await started.result;
    return result?.exitCode === 0 ? result : undefined;
  };
  return {
    cwd,
    async take(args) {
      if (sameArgs(args, headCommitArgs)) return succeeded(head);
      if (args[0] !== "log") return undefined;
      const sha = (await head.result)?.stdout.toString("utf8").trim();
      if (!sha || !sameArgs(args, commitLogArgs([`${since}..${sha}`], maxCount))) return undefined;
      const result = await succeeded(log);
      return result?.stdout.subarray(0, sha.length + 1).equals(Buffer.from(`${sha}\0`)) ? result : undefined;
    },
  };
}
