import { describe, expect, it } from "vitest";
import { isGitVcsType } from "../../src/index";

describe("isGitVcsType", () => {
  it.each([
    "git",
    "jetbrains.git",
    "TfsGit",
    "GitHub",
    "gitv2",
    "com.atlassian.bamboo.plugins.atlassian-bamboo-plugin-git:gitv2",
    "  Git  ",
  ])("is true for %j", (raw) => {
    expect(isGitVcsType(raw)).toBe(true);
  });

  it.each([undefined, "", "   "])("counts an unset type (%j) as Git", (raw) => {
    expect(isGitVcsType(raw)).toBe(true);
  });

  it.each(["tfvc", "TfsVersionControl", "tfs"])("is false for TFVC (%j)", (raw) => {
    expect(isGitVcsType(raw)).toBe(false);
  });

  it.each(["svn", "svnv2", "hg", "perforce", "something-else"])(
    "is false, not a throw, for a type the core rejects (%j)",
    (raw) => {
      expect(isGitVcsType(raw)).toBe(false);
    },
  );
});
