import type { GitRunner } from "@buildinfo/core";
import { afterEach, describe, expect, it } from "vitest";
import { createGitRunner, prefetchCommitsSince, readCommits, withPrefetched } from "../src/index";
import { readCheckout } from "../src/read-checkout";
import { createImportedRepo } from "./support/imported-repo";
import { isolatedGitEnv } from "./support/isolated-git-env";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

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
});
