import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitRunner, Logger } from "@buildinfo/core";
import { afterEach, describe, expect, it } from "vitest";
import { createGitRunner, readCommits } from "../src/index";
import { readCheckout } from "../src/read-checkout";
import { createImportedRepo } from "./support/imported-repo";
import { isolatedGitEnv } from "./support/isolated-git-env";
import { rejection } from "./support/rejection";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

describe("createGitRunner", () => {
  it("runs git in cwd with stdout as a Buffer, without a pager, prompts or a translated locale", async () => {
    const repo = await createImportedRepo([{ message: "one\n" }]);
    cleanups.push(repo.cleanup);
    const git = createGitRunner(repo.dir, {
      env: isolatedGitEnv({ LC_ALL: "de_DE.UTF-8", GIT_PAGER: "less" }),
    });
    expect(git.cwd).toBe(repo.dir);
    const head = await git.run(["rev-parse", "HEAD"]);
    expect(Buffer.isBuffer(head.stdout)).toBe(true);
    expect(head).toMatchObject({ exitCode: 0, stderr: "" });
    expect(head.stdout.toString().trim()).toBe(repo.shas[0]);
    const pager = await git.run(["var", "GIT_PAGER"]);
    expect(pager.stdout.toString().trim()).toBe("cat");
    const env = await git.run(["-c", "alias.env=!env", "env"]);
    const lines = env.stdout.toString().split("\n");
    expect(lines).toContain("LC_ALL=C");
    expect(lines).toContain("GIT_TERMINAL_PROMPT=0");
  });

  it("reports a failing command through its exit code and stderr instead of throwing", async () => {
    const repo = await createImportedRepo([{ message: "one\n" }]);
    cleanups.push(repo.cleanup);
    const result = await createGitRunner(repo.dir, { env: isolatedGitEnv() }).run([
      "rev-parse",
      "--verify",
      "nope",
    ]);
    expect(result.exitCode).toBe(128);
    expect(result.stderr).toContain("fatal: Needed a single revision");
  });

  it("retries once with safe.directory when another user owns the checkout", async () => {
    const repo = await createImportedRepo([{ message: "one\n" }, { message: "two\n" }]);
    cleanups.push(repo.cleanup);
    const subdirectory = join(repo.dir, "src");
    await mkdir(subdirectory);
    // As root, hand the checkout to `nobody`, as a container with a mounted workspace does; as
    // any other user, git's own switch makes it treat the repository as someone else's.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync("chown", ["-R", "65534:65534", repo.dir]);
    const env = isolatedGitEnv(asRoot ? {} : { GIT_TEST_ASSUME_DIFFERENT_OWNER: "1" });
    const refused = spawnSync("git", ["rev-parse", "HEAD"], { cwd: subdirectory, env, encoding: "utf8" });
    expect(refused.status).toBe(128);
    expect(refused.stderr).toContain(`detected dubious ownership in repository at '${repo.dir}'`);

    const logger = collectingLogger();
    const git = createGitRunner(subdirectory, { env, logger });
    const head = await git.run(["rev-parse", "HEAD"]);
    expect(head.exitCode).toBe(0);
    expect(head.stdout.toString().trim()).toBe(repo.shas[1]);
    const commits = await readCommits(git, { from: repo.shas[0], to: "HEAD", source: "test" });
    expect(commits).toEqual([{ id: repo.shas[1], comment: "two" }]);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain(`git refused the repository at ${repo.dir}`);
    expect(logger.lines[0]).toContain("safe.directory");
    const config = await git.run(["config", "--show-origin", "--get-all", "safe.directory"]);
    expect(config.stdout.toString()).toBe(`command line:\t${repo.dir}\n`);
  });

  it("retries every command that was refused at once, as the checkout reader's three are, warning once", async () => {
    const repo = await createImportedRepo([{ message: "one\n" }]);
    cleanups.push(repo.cleanup);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync("chown", ["-R", "65534:65534", repo.dir]);
    const env = isolatedGitEnv(asRoot ? {} : { GIT_TEST_ASSUME_DIFFERENT_OWNER: "1" });
    const logger = collectingLogger();

    const checkout = await readCheckout(createGitRunner(repo.dir, { env, logger }));

    expect(checkout).toMatchObject({ head: repo.shas[0], branch: "main" });
    expect(logger.lines).toHaveLength(1);
  });

  it("names the refusal and the fix when git still refuses (git versions that ignore -c safe.directory)", async () => {
    const repo = await createImportedRepo([{ message: "one\n" }]);
    cleanups.push(repo.cleanup);
    const env = isolatedGitEnv({ GIT_TEST_ASSUME_DIFFERENT_OWNER: "1" });
    // A runner without the retry stands in for such a git: the refusal itself is git's own.
    const withoutRetry: GitRunner = {
      cwd: repo.dir,
      run: async (args) => {
        const result = spawnSync("git", args, { cwd: repo.dir, env });
        return { stdout: result.stdout, stderr: result.stderr.toString(), exitCode: result.status ?? 1 };
      },
    };
    for (const attempt of [
      readCheckout(withoutRetry),
      readCommits(withoutRetry, { to: "HEAD", source: "test" }),
    ]) {
      const error = await rejection(attempt);
      expect(error.code).toBe("E_GIT_UNSAFE_REPOSITORY");
      expect(error.message).toContain(repo.dir);
      expect(error.hint).toContain(`git config --global --add safe.directory ${repo.dir}`);
    }
  });

  it("throws E_GIT_MISSING when git is not on PATH", async () => {
    const emptyBin = await mkdtemp(join(tmpdir(), "buildinfo-no-git-"));
    cleanups.push(() => rm(emptyBin, { recursive: true }));
    const git = createGitRunner(process.cwd(), { env: isolatedGitEnv({ PATH: emptyBin }) });
    const error = await rejection(git.run(["--version"]));
    expect(error.code).toBe("E_GIT_MISSING");
    expect(error.kind).toBe("input");
    expect(error.hint).toMatch(/Install git/);
  });

  it("tells a missing checkout directory apart from a missing git", async () => {
    const gone = join(tmpdir(), "buildinfo-gone", String(process.pid));
    const error = await rejection(createGitRunner(gone, { env: isolatedGitEnv() }).run(["status"]));
    expect(error.code).toBe("E_GIT_CHECKOUT_MISSING");
    expect(error.message).toContain(gone);
  });
});
