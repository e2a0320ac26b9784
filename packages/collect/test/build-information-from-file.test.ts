import { BuildInfoError } from "@buildinfo/core";
import { describe, expect, it } from "vitest";
import { buildInformationFromFile } from "../src/index";

const file = {
  buildEnvironment: "Jenkins",
  buildNumber: "57",
  branch: "refs/heads/main",
  vcsType: "git",
  vcsRoot: "git@github.com:acme/shop.git",
  vcsCommitNumber: "a".repeat(40),
  commits: [
    { id: "a".repeat(40), comment: "Two" },
    { id: "b".repeat(40), comment: "One" },
  ],
};

describe("buildInformationFromFile", () => {
  it("reads the octo file, applies the overrides, normalises and caps with a warning", () => {
    const result = buildInformationFromFile(Buffer.from(JSON.stringify(file)), "octopus.buildinfo", {
      overrides: { buildNumber: "57.1" },
      commitCap: 1,
    });
    expect(result.buildInformation).toMatchObject({
      BuildEnvironment: "Jenkins",
      BuildNumber: "57.1",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop",
      Commits: [{ Id: "a".repeat(40), Comment: "Two" }],
    });
    expect(result.warnings).toContain(
      "Kept the newest 1 of 2 commits: 1 older commit was dropped (commit cap 1).",
    );
  });

  it("names the file when it is not build information", () => {
    const error = (() => {
      try {
        buildInformationFromFile(Buffer.from("[1, 2]"), "odd.json");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BuildInfoError);
    expect((error as BuildInfoError).code).toBe("E_FILE_FORMAT");
    expect((error as BuildInfoError).message).toContain("odd.json");
  });
});
