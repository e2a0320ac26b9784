import { stat } from "node:fs/promises";
import { BuildInfoError, type GitResult, type GitRunner, type Logger } from "@buildinfo/core";
import { dubiousOwnershipPath } from "./dubious-ownership";
import { gitEnvironment } from "./git-commands";

export interface GitRunnerOptions {
  /** Base environment for git (default `process.env`); the runner adds its own fixed variables on top. */
  env?: NodeJS.ProcessEnv;
  /** Told once when a "dubious ownership" refusal is retried with `safe.directory`. */
  logger?: Logger;
}

/**
 * A `GitRunner` over the `git` binary in `cwd`: no shell, no pager, no prompts, C locale (so stderr
 * can be matched), stdout as one Buffer. A checkout owned by another user (containers, CI agents)
 * makes git refuse with "dubious ownership"; the runner then trusts that one repository for its
 * own invocations only (`-c safe.directory=<repo>`), never in any config file.
 */
export function createGitRunner(cwd: string, options: GitRunnerOptions = {}): GitRunner {
  const env = gitEnvironment(options.env ?? process.env);
  let safeDirectory: string | undefined;

  // Whether to retry is decided by what this call sent: commands run at once (the checkout reader
  // starts three) are all refused, and each must retry, though only the first one warns.
  async function run(args: readonly string[]): Promise<GitResult> {
    const trusted = safeDirectory;
    const prefix = trusted === undefined ? [] : ["-c", `safe.directory=${trusted}`];
    const result = await spawnGit(cwd, [...prefix, ...args], env);
    if (result.exitCode === 0 || trusted !== undefined) return result;
    const refused = dubiousOwnershipPath(result.stderr);
    if (refused === undefined) return result;
    if (safeDirectory === undefined) {
      safeDirectory = refused;
      options.logger?.warn(
        `git refused the repository at ${refused} because another user owns it ("dubious ownership"); ` +
          "trusting it for this run only (git -c safe.directory=…).",
      );
    }
    return spawnGit(cwd, ["-c", `safe.directory=${safeDirectory}`, ...args], env);
  }

  return { cwd, run };
}

async function spawnGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<GitResult> {
  // Loaded when git first runs: a push from a file never does.
  const { spawn } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    let failed = false;
    // A failed spawn also emits "close"; the error decides.
    child.on("error", (error: NodeJS.ErrnoException) => {
      failed = true;
      explainSpawnFailure(error, cwd, env).then(reject, reject);
    });
    child.on("close", (code, signal) => {
      if (failed) return;
      resolve({
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString("utf8"),
        exitCode: code ?? (signal === null ? 1 : 128),
      });
    });
  });
}

// Node reports a missing working directory with the same ENOENT as a missing binary.
async function explainSpawnFailure(
  error: NodeJS.ErrnoException,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<Error> {
  if (error.code !== "ENOENT") return error;
  const cwdExists = await stat(cwd).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!cwdExists) {
    return new BuildInfoError("E_GIT_CHECKOUT_MISSING", `The checkout directory ${cwd} does not exist.`, {
      hint: "Run buildinfo from the build's working directory (the git checkout).",
      source: cwd,
      cause: error,
    });
  }
  return new BuildInfoError("E_GIT_MISSING", "The git binary was not found on PATH.", {
    hint:
      "Install git on the build agent (or add it to PATH), or give buildinfo the commits another way: " +
      "--from <server> with an API that lists them, or --file with a build-information file.",
    source: env.PATH === undefined ? "PATH (unset)" : "PATH",
    cause: error,
  });
}
