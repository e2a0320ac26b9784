import { describe, expect, it } from "vitest";
import { createConformanceBuild } from "../src/conformance-build";
import { createTestContext } from "../src/test-context";

describe("createTestContext", () => {
  it("collects log lines, reads real files and refuses http and git it was not given", async () => {
    const context = createTestContext({ env: { CI: "true" } });
    context.logger.warn("careful");
    context.logger.debug("detail");
    expect(context.logger.lines).toEqual(["warn: careful", "debug: detail"]);
    expect(await context.fs.exists(import.meta.filename)).toBe(true);
    expect(await context.fs.exists(`${import.meta.filename}.missing`)).toBe(false);
    expect((await context.fs.readFile(import.meta.filename)).toString()).toContain("createTestContext");
    await expect(context.http.get("https://ci.example.com/api")).rejects.toThrow(/no http client/);
    await expect(context.git.run(["log"])).rejects.toThrow(/no git runner/);
    expect(context.options).toEqual({});
  });
});

describe("createConformanceBuild", () => {
  it("is one build on a feature branch whose expected commits are exactly the branch's new commits", async () => {
    const build = await createConformanceBuild();
    try {
      const { repo } = build;
      expect(repo.git(["branch", "--show-current"])).toBe(build.branch);
      expect(repo.git(["remote", "get-url", "origin"])).toBe(build.remoteUrl);
      expect(repo.git(["rev-parse", "HEAD"])).toBe(build.head);
      expect(repo.git(["rev-parse", "main"])).toBe(build.previous);
      expect(repo.git(["log", "--format=%H", `${build.previous}..${build.head}`]).split("\n")).toEqual(
        build.buildCommits.map((commit) => commit.id),
      );
      for (const commit of build.buildCommits) {
        expect(`${commit.comment}\n`).toBe(repo.git(["log", "-1", "--format=%B", commit.id]));
      }
      expect(build.buildCommits.some((commit) => commit.comment.includes("Fixes #41"))).toBe(true);
      expect(build.expected.Commits).toEqual(
        build.buildCommits.map((commit) => ({ Id: commit.id, Comment: commit.comment })),
      );
      expect(build.expected.VcsCommitNumber).toBe(build.head);
    } finally {
      await build.repo.cleanup();
    }
  });
});
