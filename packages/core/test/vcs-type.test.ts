import { describe, expect, it } from "vitest";
import { normalizeVcsType } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

describe("normalizeVcsType", () => {
  it.each([
    "git",
    "Git",
    "GIT",
    "jetbrains.git",
    "TfsGit",
    "GitHub",
    "gitHub",
    "GitHubEnterprise",
    "Bitbucket",
    "bbCloud",
    "stash",
    "bbServer",
    "gitLab",
    "gitea",
    "vso",
    "gitv2",
    "gh",
    "stash-rep",
    "gitLabEnterprise",
    "com.atlassian.bamboo.plugins.atlassian-bamboo-plugin-git:gitv2",
    "  git  ",
  ])("maps %j to Git", (raw) => {
    expect(normalizeVcsType(raw, "test")).toBe("Git");
  });

  it.each(["tfs", "TFS", "TfsVersionControl", "tfvc", "TFVC"])("maps %j to TFVC", (raw) => {
    expect(normalizeVcsType(raw)).toBe("TFVC");
  });

  it.each([undefined, "", "   ", "\t\n"])("defaults %j to Git", (raw) => {
    expect(normalizeVcsType(raw)).toBe("Git");
  });

  it.each([
    ["svn", "Subversion"],
    ["Svn", "Subversion"],
    ["subversion", "Subversion"],
    ["svnv2", "Subversion"],
    ["hg", "Mercurial"],
    ["mercurial", "Mercurial"],
    ["perforce", "Perforce"],
    ["p4", "Perforce"],
    ["cvs", "CVS"],
    ["kiln", "Kiln"],
  ])("rejects %j as %s, naming the value, the source and the supported types", (raw, name) => {
    const error = catchBuildInfoError(() => normalizeVcsType(raw, "SVN_REVISION"));
    expect(error.code).toBe("E_VCS_UNSUPPORTED");
    expect(error.kind).toBe("input");
    expect(error.source).toBe("SVN_REVISION");
    expect(error.message).toContain(`"${raw}" (${name})`);
    expect(error.message).toContain("from SVN_REVISION");
    expect(error.message).toContain("Git and TFVC");
    expect(error.hint).toContain("VcsType Git (or TFVC)");
    expect(error.hint).not.toContain("--");
  });

  it.each(["Unknown", "constructor", "__proto__", "gitx", "git lab"])("rejects anything else: %j", (raw) => {
    const error = catchBuildInfoError(() => normalizeVcsType(raw, "Repository.Provider"));
    expect(error.code).toBe("E_VCS_UNSUPPORTED");
    expect(error.message).toContain(JSON.stringify(raw));
    expect(error.message).toContain("from Repository.Provider");
  });

  it("keeps a huge hostile value out of the message", () => {
    const error = catchBuildInfoError(() => normalizeVcsType("x".repeat(1_000_000)));
    expect(error.message.length).toBeLessThan(400);
  });
});
