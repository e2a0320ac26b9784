import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitRunner } from "@buildinfo/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createGitRunner, readCommits, withPrefetched } from "../src/index";
import { prefetchCommitsSince } from "../src/prefetch-git";
import { readCheckout } from "../src/read-checkout";
import { createImportedRepo } from "./support/imported-repo";
import { isolatedGitEnv } from "./support/isolated-git-env";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "buildinfo-prefetch-test-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A `git` first on PATH that waits before running `git log`, so a test can move HEAD meanwhile. */
function slowLogGit(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const bin = scratchDir();
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(
    join(bin, "git"),
    `#!/bin/sh\nif [ "$1" = log ]; then sleep 0.5; fi\nexec ${JSON.stringify(realGit)} "$@"\n`,
  );
  chmodSync(join(bin, "git"), 0o755);
  return { ...env, PATH: `${bin}:${env.PATH ?? ""}` };
}

/** A runner that records what reached git itself. */
function recording(runner: GitRunner): GitRunner & { ran: string[][] } {
  const ran: string[][] = [];
  return {
    cwd: runner.cwd,
    ran,
    run: (args) => {
      ran.push([...args]);
      return runner.run(args);
    },
  };
}

async function threeCommitRepo() {
  const repo = await createImportedRepo([{ message: "one\n" }, { message: "two\n" }, { message: "three\n" }]);
  cleanups.push(repo.cleanup);
  return { dir: repo.dir, env: isolatedGitEnv(), first: repo.shas[0]! };
}

describe("prefetchCommitsSince", () => {
  it("answers the reader's own HEAD and range reads from the processes it started, once each", async () => {
    const { dir, env, first } = await threeCommitRepo();
    const real = recording(createGitRunner(dir, { env }));
    const git = withPrefetched(real, prefetchCommitsSince(dir, first, 11, env));

    const { head } = await readCheckout(git);
    const commits = await readCommits(git, { from: first, to: head, source: "--since" }, { maxCount: 11 });

    expect(commits.map((commit) => commit.comment.trim())).toEqual(["three", "two"]);
    expect(real.ran.map((args) => args[0])).not.toContain("log");
    expect(real.ran.some((args) => args[0] === "rev-parse" && args.includes("HEAD^{commit}"))).toBe(false);
    // Taken once: asking again reaches git.
    await readCommits(git, { from: first, to: head, source: "--since" }, { maxCount: 11 });
    expect(real.ran.map((args) => args[0])).toContain("log");
  });

  it("leaves a different range, cap or directory to the real runner", async () => {
    const { dir, env, first } = await threeCommitRepo();
    const real = recording(createGitRunner(dir, { env }));
    const git = withPrefetched(real, prefetchCommitsSince(dir, first, 11, env));
    const { head } = await readCheckout(git);

    const capped = await readCommits(git, { from: first, to: head, source: "--since" }, { maxCount: 1 });
    expect(capped).toHaveLength(1);
    expect(real.ran.filter((args) => args[0] === "log")).toHaveLength(1);

    const other = await createImportedRepo([{ message: "elsewhere\n" }]);
    cleanups.push(other.cleanup);
    const elsewhere = createGitRunner(other.dir, { env });
    expect(withPrefetched(elsewhere, prefetchCommitsSince(dir, first, 11, env))).toBe(elsewhere);
  });

  it("leaves a revision git cannot resolve to the real runner, which explains it", async () => {
    const { dir, env } = await threeCommitRepo();
    const real = recording(createGitRunner(dir, { env }));
    const git = withPrefetched(real, prefetchCommitsSince(dir, "no-such-revision", 11, env));
    const { head } = await readCheckout(git);
    await expect(
      readCommits(git, { from: "no-such-revision", to: head, source: "--since" }, { maxCount: 11 }),
    ).rejects.toMatchObject({
      code: "E_GIT_REVISION",
    });
    expect(real.ran.map((args) => args[0])).toContain("log");
  });

  it("does not answer with a log that began at a HEAD which moved after it was read", async () => {
    const { dir, env, first } = await threeCommitRepo();
    const real = recording(createGitRunner(dir, { env }));
    const git = withPrefetched(real, prefetchCommitsSince(dir, first, 11, slowLogGit(env)));
    const { head } = await readCheckout(git); // rev-parse has answered; the early log is still waiting
    execFileSync("git", ["commit", "--quiet", "--allow-empty", "-m", "four"], {
      cwd: dir,
      env: {
        ...env,
        GIT_AUTHOR_NAME: "T",
        GIT_AUTHOR_EMAIL: "t@example.com",
        GIT_COMMITTER_NAME: "T",
        GIT_COMMITTER_EMAIL: "t@example.com",
      },
    });

    const commits = await readCommits(git, { from: first, to: head, source: "--since" }, { maxCount: 11 });

    expect(commits.map((commit) => commit.comment.trim())).toEqual(["three", "two"]);
    expect(real.ran.map((args) => args[0])).toContain("log");
  });

  it("leaves an empty range to the real runner, since an empty log cannot show where it began", async () => {
    const { dir, env } = await threeCommitRepo();
    const real = recording(createGitRunner(dir, { env }));
    const git = withPrefetched(real, prefetchCommitsSince(dir, "HEAD", 11, env));
    const { head } = await readCheckout(git);

    expect(await readCommits(git, { from: "HEAD", to: head, source: "--since" }, { maxCount: 11 })).toEqual(
      [],
    );
    expect(real.ran.map((args) => args[0])).toContain("log");
  });

  it("leaves no file behind in the temporary directory, and without one leaves the work to the real runner", async () => {
    const { dir, env, first } = await threeCommitRepo();
    const temporary = scratchDir();
    vi.stubEnv("TMPDIR", temporary);
    const real = recording(createGitRunner(dir, { env }));
    const git = withPrefetched(real, prefetchCommitsSince(dir, first, 11, env));
    const { head } = await readCheckout(git);
    const commits = await readCommits(git, { from: first, to: head, source: "--since" }, { maxCount: 11 });
    expect(commits).toHaveLength(2);
    expect(real.ran.map((args) => args[0])).not.toContain("log");
    expect(readdirSync(temporary)).toEqual([]);

    vi.stubEnv("TMPDIR", join(temporary, "missing"));
    const fallback = recording(createGitRunner(dir, { env }));
    const unprefetched = withPrefetched(fallback, prefetchCommitsSince(dir, first, 11, env));
    expect(
      await readCommits(unprefetched, { from: first, to: head, source: "--since" }, { maxCount: 11 }),
    ).toEqual(commits);
    expect(fallback.ran.map((args) => args[0])).toContain("log");
  });
});
