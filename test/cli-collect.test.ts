import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

describe("buildinfo collect", () => {
  let repo: TempGitRepo;

  beforeAll(async () => {
    repo = await createTempGitRepo({
      branch: "release/2.7",
      remoteUrl: "ssh://git@git.example.com:7999/shop/api.git",
      commits: [
        { message: "One", files: { "a.txt": "1" } },
        { message: "Two\n\nwith a body", files: { "a.txt": "2" } },
        { message: "Three", files: { "a.txt": "3" } },
      ],
    });
  });

  afterAll(async () => {
    await repo.cleanup();
  });

  it("prints only the build-information JSON on stdout; diagnostics go to stderr", async () => {
    const result = await runCli(["collect", "--build-number", "88"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info).toEqual({
      BuildEnvironment: "Git",
      BuildNumber: "88",
      Branch: "release/2.7",
      VcsType: "Git",
      VcsRoot: "https://git.example.com/shop/api",
      VcsCommitNumber: repo.shas[2],
      Commits: [
        { Id: repo.shas[2], Comment: "Three" },
        { Id: repo.shas[1], Comment: "Two\n\nwith a body" },
        { Id: repo.shas[0], Comment: "One" },
      ],
    });
    expect(result.stderr).toContain("[buildinfo]");
  });

  it("takes only the commits after --since", async () => {
    const result = await runCli(["collect", "--since", repo.shas[0]!], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).Commits.map((commit: { Id: string }) => commit.Id)).toEqual([
      repo.shas[2],
      repo.shas[1],
    ]);
  });

  it("caps the commits with --commit-cap and warns", async () => {
    const result = await runCli(["collect", "--commit-cap", "2"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).Commits).toHaveLength(2);
    expect(result.stderr).toContain("warning");
  });

  it("writes the file with --output and keeps stdout empty", async () => {
    const output = join(repo.dir, "octopus.buildinfo");
    const result = await runCli(["collect", "--output", output, "--branch", "hotfix/x"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    const info = JSON.parse(await readFile(output, "utf8"));
    expect(info.Branch).toBe("hotfix/x");
  });

  it("rejects an unsupported VCS with exit 2 and nothing on stdout", async () => {
    const result = await runCli(["collect", "--vcs-type", "hg"], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("hg");
  });
});
