import { describe, expect, it } from "vitest";
import type { BuildInformation } from "../src/index";
import { commitLinkUrl } from "../src/work-items/commit-link";

const sha = "4b1d0c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c";

function git(VcsRoot: string | undefined): BuildInformation {
  return { BuildEnvironment: "Jenkins", VcsType: "Git", Commits: [], ...(VcsRoot ? { VcsRoot } : {}) };
}

describe("commitLinkUrl", () => {
  it.each([
    ["https://github.com/acme/shop-web", `https://github.com/acme/shop-web/commit/${sha}`],
    ["git@github.com:acme/shop-web.git", `https://github.com/acme/shop-web/commit/${sha}`],
    ["https://ghe.corp/acme/shop-web", `https://ghe.corp/acme/shop-web/commit/${sha}`],
    ["https://gitlab.com/group/sub/api", `https://gitlab.com/group/sub/api/commit/${sha}`],
    ["https://dev.azure.com/acme/Shop/_git/web", `https://dev.azure.com/acme/Shop/_git/web/commit/${sha}`],
    ["https://bitbucket.org/acme/shop-web", `https://bitbucket.org/acme/shop-web/commits/${sha}`],
    ["http://bitbucket.org/acme/shop-web.git", `https://bitbucket.org/acme/shop-web/commits/${sha}`],
    [
      "https://bitbucket.corp/scm/shop/web.git",
      `https://bitbucket.corp/projects/SHOP/repos/web/commits/${sha}`,
    ],
    [
      "https://git.corp/bitbucket/scm/shop/web",
      `https://git.corp/bitbucket/projects/SHOP/repos/web/commits/${sha}`,
    ],
    [
      `https://gitlab-ci-token:secret123@gitlab.corp/shop/api.git`,
      `https://gitlab.corp/shop/api/commit/${sha}`,
    ],
  ])("links a commit of %j as %j", (root, link) => {
    expect(commitLinkUrl(git(root), sha)).toBe(link);
  });

  it("links TFVC changesets under the project from BuildUrl", () => {
    const info: BuildInformation = {
      BuildEnvironment: "Azure DevOps",
      BuildUrl: "https://dev.azure.com/acme/Shop%20Floor/_build/results?buildId=12",
      Branch: "$/Other/Main",
      VcsType: "TFVC",
      VcsRoot: "https://dev.azure.com/acme/",
      Commits: [],
    };
    expect(commitLinkUrl(info, "4711")).toBe(
      "https://dev.azure.com/acme/Shop%20Floor/_versionControl/changeset/4711",
    );
  });

  it("falls back to the $/Project of the branch for TFVC", () => {
    const info: BuildInformation = {
      BuildEnvironment: "TeamCity",
      BuildUrl: "https://tc.corp/viewLog.html?buildId=9",
      Branch: "$/Shop/Main",
      VcsType: "TFVC",
      VcsRoot: "http://tfs.corp:8080/tfs/DefaultCollection",
      Commits: [],
    };
    expect(commitLinkUrl(info, "4711")).toBe(
      "http://tfs.corp:8080/tfs/DefaultCollection/Shop/_versionControl/changeset/4711",
    );
    expect(commitLinkUrl({ ...info, Branch: "main" }, "4711")).toBeUndefined();
  });

  it("gives no link without a usable root or id", () => {
    expect(commitLinkUrl(git(undefined), sha)).toBeUndefined();
    expect(commitLinkUrl(git("/srv/git/shop.git"), sha)).toBeUndefined();
    expect(commitLinkUrl(git("not a url"), sha)).toBeUndefined();
    expect(commitLinkUrl(git("https://github.com/acme/shop-web"), "  ")).toBeUndefined();
  });
});
