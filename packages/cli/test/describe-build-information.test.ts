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
    expect(lines[2]).toContain("SHOP-1 (Jira), 4 (GitHub)");
  });

  it("shows the first 20 work items and counts the rest, so a long history does not flood the log", () => {
    const commits = Array.from({ length: 30 }, (_, index) => ({
      Id: `c${index}`,
      Comment: `SHOP-${index + 1} change`,
    }));
    const lines = describeBuildInformation({ BuildEnvironment: "Git", VcsType: "Git", Commits: commits });
    const workItems = lines.find((line) => line.startsWith("work items"));
    // More than 20 Jira keys settle what is shown; the rest of the history is not read to count them.
    expect(workItems).toContain("SHOP-20 (Jira), and more");
    expect(workItems).not.toContain("SHOP-21 ");
    const fewKeys = commits.map((commit, index) => ({
      ...commit,
      Comment: `${index < 5 ? `SHOP-${index + 1} ` : ""}fixes #${index + 1}`,
    }));
    const counted = describeBuildInformation({ BuildEnvironment: "Git", VcsType: "Git", Commits: fewKeys });
    expect(counted.find((line) => line.startsWith("work items"))).toContain("15 (GitHub), and 15 more");
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
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(line.length).toBeLessThan(500);
    }
  });
});
