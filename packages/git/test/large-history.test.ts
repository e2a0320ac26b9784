import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGitRunner, readCommits } from "../src/index";
import { createImportedRepo, type ImportedRepo } from "./support/imported-repo";
import { isolatedGitEnv } from "./support/isolated-git-env";

const COUNT = 10_000;

function messageFor(index: number): string {
  const paragraph = `Line ${index} of a long body with SHOP-${index % 97} and Fixes #${index % 31}, café ✓.\r\n`;
  return `Change ${index}\n\n${paragraph.repeat(10 + (index % 40))}`;
}

describe("readCommits over 10,000 commits", () => {
  let repo: ImportedRepo;
  beforeAll(async () => {
    repo = await createImportedRepo(
      Array.from({ length: COUNT }, (_, index) => ({ message: messageFor(index) })),
    );
  }, 120_000);
  afterAll(() => repo.cleanup());

  it("returns every commit with its full message", async () => {
    const commits = await readCommits(createGitRunner(repo.dir, { env: isolatedGitEnv() }), {
      to: "main",
      source: "test",
    });
    expect(commits).toHaveLength(COUNT);
    expect(commits[0]).toEqual({
      id: repo.shas[COUNT - 1],
      comment: messageFor(COUNT - 1).replace(/\r\n$/, ""),
    });
    expect(commits[COUNT - 1]).toEqual({ id: repo.shas[0], comment: messageFor(0).replace(/\r\n$/, "") });
    expect(new Set(commits.map((c) => c.id)).size).toBe(COUNT);
  });
});
