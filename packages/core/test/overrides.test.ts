import { describe, expect, it } from "vitest";
import type { BuildInformationDraft } from "../src/index";
import { applyOverrides, normalizeDraft } from "../src/index";

const draft: BuildInformationDraft = {
  buildEnvironment: "Jenkins",
  buildNumber: "311",
  branch: "origin/main",
  vcsType: "svn",
  vcsRoot: "https://svn.example.com/repos/shop",
  commits: [{ id: "a1", comment: "x" }],
  sources: { branch: "GIT_BRANCH", vcsType: "SVN_REVISION", buildNumber: "BUILD_NUMBER" },
  warnings: ["kept"],
};

describe("applyOverrides", () => {
  it("replaces values with the flags' and names the flags as sources", () => {
    const result = applyOverrides(draft, {
      buildEnvironment: "Jenkins (ci-2)",
      buildNumber: "312",
      buildUrl: "https://ci.example.com/job/shop/312/",
      branch: "release/2.7",
      vcsType: "Git",
      vcsRoot: "git@github.com:acme/shop.git",
      vcsCommitNumber: "abc123",
    });
    expect(result).toEqual({
      buildEnvironment: "Jenkins (ci-2)",
      buildNumber: "312",
      buildUrl: "https://ci.example.com/job/shop/312/",
      branch: "release/2.7",
      vcsType: "Git",
      vcsRoot: "git@github.com:acme/shop.git",
      vcsCommitNumber: "abc123",
      commits: [{ id: "a1", comment: "x" }],
      sources: {
        buildEnvironment: "--build-environment",
        buildNumber: "--build-number",
        buildUrl: "--build-url",
        branch: "--branch",
        vcsType: "--vcs-type",
        vcsRoot: "--vcs-root",
        vcsCommitNumber: "--commit",
      },
      warnings: ["kept"],
    });
    expect(normalizeDraft(result).buildInformation.VcsType).toBe("Git");
  });

  it("keeps what no flag replaced and leaves the draft untouched", () => {
    const before = structuredClone(draft);
    const result = applyOverrides(draft, { branch: "main", vcsRoot: undefined });
    expect(result.branch).toBe("main");
    expect(result.vcsRoot).toBe(draft.vcsRoot);
    expect(result.sources).toEqual({
      branch: "--branch",
      vcsType: "SVN_REVISION",
      buildNumber: "BUILD_NUMBER",
    });
    expect(draft).toEqual(before);
  });

  it("lets an error name the flag that gave the bad value", () => {
    expect(() => normalizeDraft(applyOverrides(draft, { vcsType: "hg" }))).toThrow(/from --vcs-type/);
  });

  it("lets an empty flag value clear a field", () => {
    const result = applyOverrides({ ...draft, vcsType: "git" }, { branch: "" });
    expect(normalizeDraft(result).buildInformation.Branch).toBeUndefined();
  });

  it("works on a draft without sources", () => {
    expect(applyOverrides({ buildEnvironment: "X" }, { buildNumber: "1" }).sources).toEqual({
      buildNumber: "--build-number",
    });
  });
});
