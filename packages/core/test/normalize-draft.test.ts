import { describe, expect, it } from "vitest";
import type { BuildInformationDraft } from "../src/index";
import { normalizeDraft } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

const token = "glpat-AbCdEfGhIjKlMnOpQrStUv";

function jenkinsDraft(overrides: Partial<BuildInformationDraft> = {}): BuildInformationDraft {
  return {
    buildEnvironment: "Jenkins",
    buildNumber: " 311 ",
    buildUrl: "https://ci.example.com/job/shop-web/311/",
    branch: "origin/feature/SHOP-12-price-cache",
    vcsType: "git",
    vcsRoot: "git@github.com:acme/shop-web.git",
    vcsCommitNumber: " 4b1d0c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c\n",
    commits: [
      { id: "4b1d0c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c", comment: "SHOP-12 cache prices\n\nFixes #41\n" },
      { id: "a07e9912cd0000000000000000000000000000aa", comment: "Bump deps" },
    ],
    sources: {
      buildUrl: "BUILD_URL",
      branch: "GIT_BRANCH",
      vcsType: "scm",
      vcsRoot: "GIT_URL",
      vcsCommitNumber: "GIT_COMMIT",
    },
    ...overrides,
  };
}

describe("normalizeDraft", () => {
  it("builds the PascalCase wire object with every rule applied", () => {
    const { buildInformation, warnings } = normalizeDraft(jenkinsDraft());
    expect(buildInformation).toEqual({
      BuildEnvironment: "Jenkins",
      BuildNumber: "311",
      BuildUrl: "https://ci.example.com/job/shop-web/311/",
      Branch: "feature/SHOP-12-price-cache",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: "4b1d0c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c",
      Commits: [
        { Id: "4b1d0c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c", Comment: "SHOP-12 cache prices\n\nFixes #41" },
        { Id: "a07e9912cd0000000000000000000000000000aa", Comment: "Bump deps" },
      ],
    });
    expect(Object.keys(buildInformation)).toEqual([
      "BuildEnvironment",
      "BuildNumber",
      "BuildUrl",
      "Branch",
      "VcsType",
      "VcsRoot",
      "VcsCommitNumber",
      "Commits",
    ]);
    expect(warnings).toEqual([]);
  });

  it("leaves out empty and whitespace-only fields and always gives a Commits array", () => {
    const { buildInformation } = normalizeDraft({
      buildEnvironment: "GitLab CI",
      buildNumber: "  ",
      buildUrl: "",
      branch: "\t",
      vcsType: " ",
      vcsRoot: "   ",
      vcsCommitNumber: "",
    });
    expect(buildInformation).toEqual({ BuildEnvironment: "GitLab CI", VcsType: "Git", Commits: [] });
    expect(Object.keys(buildInformation)).toEqual(["BuildEnvironment", "VcsType", "Commits"]);
  });

  it("cleans every text field like commit messages", () => {
    const { buildInformation } = normalizeDraft({
      buildEnvironment: "Team\u0000City\uD800",
      buildNumber: "1.8\u0000.45 \n",
      branch: "refs/heads/ma\u0000in",
      vcsType: "g\u0000it",
      vcsCommitNumber: "\uDC00abc",
    });
    expect(buildInformation).toEqual({
      BuildEnvironment: "TeamCity\uFFFD",
      BuildNumber: "1.8.45",
      Branch: "main",
      VcsType: "Git",
      VcsCommitNumber: "\uFFFDabc",
      Commits: [],
    });
  });

  it("requires BuildEnvironment", () => {
    const error = catchBuildInfoError(() =>
      normalizeDraft({ buildEnvironment: "  ", sources: { buildEnvironment: "octopus.buildinfo" } }),
    );
    expect(error.code).toBe("E_MISSING_BUILD_ENVIRONMENT");
    expect(error.kind).toBe("input");
    expect(error.message).toContain("from octopus.buildinfo");
    // The core speaks of the value; the CLI names the flag (packages/cli/src/flag-hints.ts).
    expect(error.hint).toContain("BuildEnvironment");
    expect(error.hint).not.toContain("--");
  });

  it.each([
    "ci.example.com/job/shop/311",
    "/job/shop/311",
    "ftp://ci.example.com/job/311",
    "javascript:alert(1)",
    "http:/ci.example.com",
    "not a url",
  ])("rejects the BuildUrl %j naming its source", (buildUrl) => {
    const error = catchBuildInfoError(() => normalizeDraft(jenkinsDraft({ buildUrl })));
    expect(error.code).toBe("E_INVALID_BUILD_URL");
    expect(error.source).toBe("BUILD_URL");
    expect(error.message).toContain("from BUILD_URL");
  });

  it("keeps an Azure DevOps BuildUrl exactly, query and fragment included", () => {
    const buildUrl = "https://dev.azure.com/acme/Shop/_build/results?buildId=88120&view=results#x";
    expect(normalizeDraft(jenkinsDraft({ buildUrl })).buildInformation.BuildUrl).toBe(buildUrl);
  });

  it("removes credentials from BuildUrl and never echoes them in errors", () => {
    const { buildInformation } = normalizeDraft(
      jenkinsDraft({ buildUrl: `https://builder:${token}@ci.example.com/job/shop/311/` }),
    );
    expect(buildInformation.BuildUrl).toBe("https://ci.example.com/job/shop/311/");
    const error = catchBuildInfoError(() =>
      normalizeDraft(jenkinsDraft({ buildUrl: `ftp://u:${token}@ci.example.com` })),
    );
    expect(`${error.message}${error.hint}`).not.toContain(token);
  });

  it("never lets a token in VcsRoot reach the wire object", () => {
    const { buildInformation } = normalizeDraft(
      jenkinsDraft({ vcsRoot: `https://gitlab-ci-token:${token}@gitlab.example.com/shop/api.git` }),
    );
    expect(buildInformation.VcsRoot).toBe("https://gitlab.example.com/shop/api");
    expect(JSON.stringify(buildInformation)).not.toContain(token);
  });

  it("rejects SVN with the source the adapter named", () => {
    const error = catchBuildInfoError(() =>
      normalizeDraft(jenkinsDraft({ vcsType: "svn", sources: { vcsType: "SVN_REVISION" } })),
    );
    expect(error.code).toBe("E_VCS_UNSUPPORTED");
    expect(error.message).toContain("from SVN_REVISION");
  });

  it("rejects an unparseable VcsRoot naming its source", () => {
    const error = catchBuildInfoError(() => normalizeDraft(jenkinsDraft({ vcsRoot: "not a url" })));
    expect(error.code).toBe("E_INVALID_VCS_ROOT");
    expect(error.message).toContain("from GIT_URL");
  });

  it("leaves out a local-path VcsRoot with a warning", () => {
    const { buildInformation, warnings } = normalizeDraft(jenkinsDraft({ vcsRoot: "/srv/git/shop-web.git" }));
    expect(buildInformation.VcsRoot).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining("VcsRoot (from GIT_URL) is a local path")]);
  });

  it("keeps TFVC roots, changesets and paths", () => {
    const { buildInformation } = normalizeDraft({
      buildEnvironment: "Azure DevOps",
      buildUrl: "https://tfs.corp.local/tfs/DefaultCollection/Shop/_build/results?buildId=12",
      branch: "$/Shop/Main",
      vcsType: "TfsVersionControl",
      vcsRoot: "https://tfs.corp.local/tfs/DefaultCollection/",
      vcsCommitNumber: "4711",
      commits: [{ id: "4711", comment: "Check-in" }],
    });
    expect(buildInformation).toMatchObject({
      Branch: "$/Shop/Main",
      VcsType: "TFVC",
      VcsRoot: "https://tfs.corp.local/tfs/DefaultCollection",
      VcsCommitNumber: "4711",
    });
  });

  it("puts the adapter's warnings first, then its own, and applies the commit cap option", () => {
    const commits = Array.from({ length: 5 }, (_, index) => ({ id: `c${index}`, comment: "" }));
    const { buildInformation, warnings } = normalizeDraft(
      jenkinsDraft({ commits, warnings: ["Shallow clone: fetched 50 commits."] }),
      { commitCap: 2 },
    );
    expect(buildInformation.Commits.map((commit) => commit.Id)).toEqual(["c0", "c1"]);
    expect(warnings[0]).toBe("Shallow clone: fetched 50 commits.");
    expect(warnings[1]).toContain("3 older commits were dropped");
  });

  it("warns when a commit range was never read", () => {
    const { buildInformation, warnings } = normalizeDraft(
      jenkinsDraft({
        commits: undefined,
        commitRange: { from: "a", to: "b", source: "GIT_PREVIOUS_COMMIT..GIT_COMMIT" },
      }),
    );
    expect(buildInformation.Commits).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining("GIT_PREVIOUS_COMMIT..GIT_COMMIT")]);
  });

  it("strips the configured remotes from the branch", () => {
    const draft = jenkinsDraft({ branch: "upstream/release/2.7" });
    expect(normalizeDraft(draft).buildInformation.Branch).toBe("upstream/release/2.7");
    expect(normalizeDraft(draft, { remotes: ["upstream"] }).buildInformation.Branch).toBe("release/2.7");
  });

  it("does not change the draft it was given", () => {
    const draft = jenkinsDraft({ warnings: ["a"] });
    const copy = structuredClone(draft);
    normalizeDraft(draft, { commitCap: 1 });
    expect(draft).toEqual(copy);
  });
});
