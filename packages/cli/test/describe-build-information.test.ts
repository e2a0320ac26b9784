import { describe, expect, it } from "vitest";
import { describeBuildInformation } from "../src/describe-build-information";

describe("describeBuildInformation", () => {
  it("names the build, the source and the commit count", () => {
    const lines = describeBuildInformation({
      BuildEnvironment: "Jenkins",
      BuildNumber: "7",
      BuildUrl: "https://ci.example.com/job/shop/7/",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop",
      VcsCommitNumber: "abc123",
      Commits: [{ Id: "abc123", Comment: "SHOP-1 first\n\nFixes #4" }],
    });
    expect(lines[0]).toBe("build: Jenkins, build 7, https://ci.example.com/job/shop/7/");
    expect(lines[1]).toBe("source: Git, https://github.com/acme/shop, branch main, commit abc123; 1 commit");
    // What Octopus makes of the work items is checked against its answer after the push (push-work-items).
    expect(lines).toHaveLength(2);
  });

  it("shows each value on one line of at most 120 characters, so a hostile file cannot flood the log", () => {
    const long = "zz\n##vso[task.setvariable variable=A]b".repeat(1000);
    const lines = describeBuildInformation({
      BuildEnvironment: "Git",
      BuildNumber: long,
      Branch: long,
      VcsType: "Git",
      VcsCommitNumber: long,
      Commits: [],
    });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(line.length).toBeLessThan(500);
    }
  });
});
