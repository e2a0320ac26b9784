import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Commit } from "@buildinfo/core";

export interface TempGitRepoCommit {
  message: string;
  /** Files to write (relative path → content) before committing; without it a line is appended to `history.txt`. */
  files?: Record<string, string>;
}

export interface TempGitRepoOptions {
  commits?: TempGitRepoCommit[];
  /** Checked out (`checkout -b`) after the initial commits, which land on `main`. */
  branch?: string;
  /** Becomes `origin`. */
  remoteUrl?: string;
  /** `dir` is then a `git clone --depth 1 file://…` of the repository the commits were made in. */
  shallowClone?: boolean;
}

export interface TempGitRepo {
  dir: string;
  /** Every commit made through this helper, oldest first. */
  shas: string[];
  /** Runs git in `dir` with the isolated environment; returns stdout without its trailing newline. */
  git(args: string[]): string;
  commit(message: string, files?: Record<string, string>): string;
  /** The commits `git rev-list <revisions>` names, as Octopus should receive them: newest first, full messages. */
  octopusCommits(...revisions: string[]): Commit[];
  cleanup(): Promise<void>;
}

const firstCommitTime = Date.UTC(2025, 0, 6, 9, 0, 0) / 1000;

/** Git isolated from the user's and the system's configuration, with fixed identities and dates. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("GIT_")) env[name] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "Ada Builder",
    GIT_AUTHOR_EMAIL: "ada@example.com",
    GIT_COMMITTER_NAME: "Ada Builder",
    GIT_COMMITTER_EMAIL: "ada@example.com",
    GIT_TERMINAL_PROMPT: "0",
    LC_ALL: "C",
  };
}

/** A real repository in a temporary directory, for tests that read history with the `git` binary. */
export async function createTempGitRepo(options: TempGitRepoOptions = {}): Promise<TempGitRepo> {
  const root = await mkdtemp(join(tmpdir(), "buildinfo-git-"));
  const home = join(root, "home");
  const origin = join(root, "repo");
  await mkdir(home);
  await mkdir(origin);
  const env = isolatedEnv(home);
  let commitCount = 0;

  const run = (cwd: string, args: string[], input?: string): string =>
    execFileSync("git", ["-c", "commit.gpgsign=false", "-c", "core.autocrlf=false", ...args], {
      cwd,
      env: { ...env, ...datesFor(commitCount) },
      input,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    }).replace(/\n$/, "");

  let dir = origin;
  const shas: string[] = [];

  const commit = (message: string, files?: Record<string, string>): string => {
    commitCount += 1;
    if (files) {
      for (const [path, content] of Object.entries(files)) {
        const target = join(dir, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    } else {
      writeFileSync(join(dir, "history.txt"), `${commitCount}\n`, { flag: "a" });
    }
    run(dir, ["add", "--all"]);
    run(dir, ["commit", "--quiet", "--cleanup=whitespace", "--file=-"], message);
    const sha = run(dir, ["rev-parse", "HEAD"]);
    shas.push(sha);
    return sha;
  };

  run(origin, ["init", "--quiet", "-b", "main"]);
  for (const entry of options.commits ?? []) commit(entry.message, entry.files);
  if (options.branch && options.branch !== "main") run(origin, ["checkout", "--quiet", "-b", options.branch]);

  if (options.shallowClone) {
    const clone = join(root, "shallow");
    run(root, ["clone", "--quiet", "--depth", "1", "--no-local", pathToFileURL(origin).href, clone]);
    dir = clone;
    if (options.remoteUrl) run(dir, ["remote", "set-url", "origin", options.remoteUrl]);
  } else if (options.remoteUrl) {
    run(dir, ["remote", "add", "origin", options.remoteUrl]);
  }

  return {
    dir,
    shas,
    git: (args) => run(dir, args),
    commit,
    octopusCommits: (...revisions) =>
      run(dir, ["rev-list", ...revisions])
        .split("\n")
        .filter(Boolean)
        .map((id) => ({ Id: id, Comment: run(dir, ["log", "-1", "--format=%B", id]).trimEnd() })),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

function datesFor(commitNumber: number): Record<string, string> {
  const date = `@${firstCommitTime + commitNumber * 60} +0000`;
  return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
}
