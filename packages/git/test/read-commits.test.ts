import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTempGitRepo } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createGitRunner, readCommits } from "../src/index";
import { createImportedRepo } from "./support/imported-repo";
import { isolatedGitEnv } from "./support/isolated-git-env";
import { rejection } from "./support/rejection";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function imported(...args: Parameters<typeof createImportedRepo>) {
  const repo = await createImportedRepo(...args);
  cleanups.push(repo.cleanup);
  return { repo, git: createGitRunner(repo.dir, { env: isolatedGitEnv() }) };
}

describe("readCommits", () => {
  it("reads full multi-line messages newest first", async () => {
    const { repo, git } = await imported([
      { message: "Add the price cache\n\nSHOP-12: prices were read on every request.\nFixes #41\n" },
      { message: "Second\n\n  indented body line\n\n\nafter blank lines\n" },
    ]);
    const commits = await readCommits(git, { to: repo.shas[1]!, source: "test" });
    expect(commits).toEqual([
      { id: repo.shas[1], comment: "Second\n\n  indented body line\n\n\nafter blank lines" },
      {
        id: repo.shas[0],
        comment: "Add the price cache\n\nSHOP-12: prices were read on every request.\nFixes #41",
      },
    ]);
  });

  it("keeps CRs, control characters and emoji inside messages", async () => {
    const message = "Windows line\r\nsecond\tline \u0007bell\r\nrocket 🚀 and ümlaut\r\n";
    const { repo, git } = await imported([{ message }]);
    const [commit] = await readCommits(git, { to: "main", source: "test" });
    expect(commit).toEqual({
      id: repo.shas[0],
      comment: "Windows line\r\nsecond\tline \u0007bell\r\nrocket 🚀 and ümlaut",
    });
  });

  it("re-encodes a commit that declares a legacy encoding to UTF-8", async () => {
    const { git } = await imported([
      {
        message: Buffer.from("Caf\u00e9 cr\u00e8me \u00fcber Stra\u00dfe\n", "latin1"),
        encoding: "ISO-8859-1",
      },
    ]);
    const [commit] = await readCommits(git, { to: "main", source: "test" });
    expect(commit?.comment).toBe("Café crème über Straße");
  });

  it("decodes undeclared non-UTF-8 bytes as Latin-1 instead of replacement characters", async () => {
    const { git } = await imported([{ message: Buffer.from("Gr\u00fc\u00dfe aus K\u00f6ln\n", "latin1") }]);
    const [commit] = await readCommits(git, { to: "main", source: "test" });
    expect(commit?.comment).toBe("Grüße aus Köln");
  });

  it("stays aligned when a stored message contains NUL bytes (git prints up to the first)", async () => {
    const { repo, git } = await imported([
      { message: Buffer.from("before\0after\n") },
      { message: "next commit\n" },
    ]);
    const commits = await readCommits(git, { to: "main", source: "test" });
    expect(commits).toEqual([
      { id: repo.shas[1], comment: "next commit" },
      { id: repo.shas[0], comment: "before" },
    ]);
  });

  it("includes merge commits and the merged branch's commits", async () => {
    const { repo, git } = await imported([
      { message: "base\n" },
      { message: "feature work\n", branch: "feature", from: 0 },
      { message: "main work\n" },
      { message: "Merge branch 'feature'\n", merge: [1] },
    ]);
    const commits = await readCommits(git, { from: repo.shas[0], to: "main", source: "test" });
    expect(commits.map((c) => c.comment)).toEqual(["Merge branch 'feature'", "main work", "feature work"]);
    expect(new Set(commits.map((c) => c.id))).toEqual(new Set(repo.shas.slice(1)));
  });

  it("reads from..to, the whole history without from, and treats an all-zero from as absent", async () => {
    const { repo, git } = await imported([
      { message: "one\n" },
      { message: "two\n" },
      { message: "three\n" },
    ]);
    const to = repo.shas[2]!;
    const ids = async (from?: string) =>
      (await readCommits(git, { from, to, source: "test" })).map((c) => c.id);
    expect(await ids(repo.shas[0])).toEqual([repo.shas[2], repo.shas[1]]);
    expect(await ids(undefined)).toEqual([...repo.shas].reverse());
    expect(await ids("0000000000000000000000000000000000000000")).toEqual([...repo.shas].reverse());
    expect(await ids(to)).toEqual([]);
  });

  it("stops at maxCount", async () => {
    const { repo, git } = await imported([
      { message: "one\n" },
      { message: "two\n" },
      { message: "three\n" },
    ]);
    const commits = await readCommits(git, { to: "main", source: "test" }, { maxCount: 2 });
    expect(commits.map((c) => c.id)).toEqual([repo.shas[2], repo.shas[1]]);
  });

  it("reports an unknown revision in a full clone as E_GIT_REVISION with git's message", async () => {
    const { git } = await imported([{ message: "one\n" }]);
    const error = await rejection(
      readCommits(git, {
        from: "1234567890abcdef1234567890abcdef12345678",
        to: "main",
        source: "GIT_PREVIOUS_COMMIT..GIT_COMMIT",
      }),
    );
    expect(error.code).toBe("E_GIT_REVISION");
    expect(error.kind).toBe("input");
    expect(error.source).toBe("GIT_PREVIOUS_COMMIT..GIT_COMMIT");
    expect(error.message).toContain("1234567890abcdef1234567890abcdef12345678");
    expect(error.message).toContain("GIT_PREVIOUS_COMMIT..GIT_COMMIT");
    expect(error.message).toMatch(/fatal: /);
  });

  it("never lets a revision be read as a git option", async () => {
    const { repo, git } = await imported([{ message: "one\n" }]);
    const target = join(repo.dir, "written-by-git");
    const error = await rejection(
      readCommits(git, { from: `--output=${target}`, to: "main", source: "test" }),
    );
    expect(error.code).toBe("E_GIT_REVISION");
    expect(existsSync(target)).toBe(false);
  });

  it("reports a range cut off by a shallow clone as E_SHALLOW_CLONE with a hint to deepen", async () => {
    const repo = await createTempGitRepo({
      commits: [{ message: "one" }, { message: "two" }, { message: "three" }],
      shallowClone: true,
    });
    cleanups.push(repo.cleanup);
    const git = createGitRunner(repo.dir, { env: isolatedGitEnv() });
    const source = "CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA";
    const error = await rejection(readCommits(git, { from: repo.shas[0], to: repo.shas[2]!, source }));
    expect(error.code).toBe("E_SHALLOW_CLONE");
    expect(error.kind).toBe("input");
    expect(error.source).toBe(source);
    expect(error.message).toContain(`${repo.shas[0]}..${repo.shas[2]}`);
    expect(error.message).toContain(source);
    expect(error.hint).toContain("git fetch --deepen");
    expect(error.hint).toContain("--unshallow");
    expect(error.hint).toContain("fetch-depth: 0");
    expect(error.hint).toContain("GIT_DEPTH");
  });

  it("reads a resolvable range in a shallow clone normally", async () => {
    const repo = await createTempGitRepo({
      commits: [{ message: "one" }, { message: "two" }],
      shallowClone: true,
    });
    cleanups.push(repo.cleanup);
    repo.commit("three\n\nbody");
    const git = createGitRunner(repo.dir, { env: isolatedGitEnv() });
    const commits = await readCommits(git, { from: repo.shas[1], to: "HEAD", source: "test" });
    expect(commits).toEqual([{ id: repo.shas[2], comment: "three\n\nbody" }]);
  });

  it("reports a directory outside any checkout as E_GIT_NOT_A_REPOSITORY", async () => {
    const outside = await mkdtemp(join(tmpdir(), "buildinfo-not-a-repo-"));
    cleanups.push(() => rm(outside, { recursive: true }));
    const git = createGitRunner(outside, { env: isolatedGitEnv({ GIT_CEILING_DIRECTORIES: tmpdir() }) });
    const error = await rejection(readCommits(git, { to: "HEAD", source: "test" }));
    expect(error.code).toBe("E_GIT_NOT_A_REPOSITORY");
  });
});
