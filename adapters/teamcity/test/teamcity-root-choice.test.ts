import { BuildInfoError, type GitRunner } from "@buildinfo/core";
import { createGitRunner } from "@buildinfo/git";
import { createTempGitRepo } from "@buildinfo/testing";
import { describe, expect, it } from "vitest";
import { chooseVcsRoot } from "../src/teamcity-root-choice";
import type { TeamCityVcsRoot } from "../src/teamcity-vcs-roots";

function root(id: string, url: string): TeamCityVcsRoot {
  return {
    id,
    url: { value: url, source: `vcsroot.${id}.url` },
    vcsName: { value: "jetbrains.git", source: `vcsroot.${id}.vcsName` },
    branch: undefined,
  };
}

const roots = [
  root("Shop_Docs", "https://github.com/acme/shop-docs.git"),
  root("Shop_Web", "git@github.com:acme/shop-web.git"),
];

function gitThatThrows(error: Error): GitRunner {
  return { cwd: "/nowhere", run: () => Promise.reject(error) };
}

describe("chooseVcsRoot among several roots", () => {
  it("takes the root whose URL is the checkout's origin", async () => {
    const repo = await createTempGitRepo({
      remoteUrl: "https://github.com/acme/shop-web",
      commits: [{ message: "a" }],
    });
    try {
      const choice = await chooseVcsRoot(roots, undefined, createGitRunner(repo.dir));
      expect(choice).toEqual({ root: roots[1] });
    } finally {
      await repo.cleanup();
    }
  });

  it("takes the first root with a warning when git cannot tell the origin", async () => {
    const git = gitThatThrows(new BuildInfoError("E_GIT_MISSING", "git is not installed"));
    const choice = await chooseVcsRoot(roots, undefined, git);
    expect(choice.root).toBe(roots[0]);
    expect(choice.warning).toContain("--vcs-root-id");
  });

  it("reports a bug instead of guessing", async () => {
    await expect(chooseVcsRoot(roots, undefined, gitThatThrows(new TypeError("oops")))).rejects.toThrow(
      TypeError,
    );
  });
});
