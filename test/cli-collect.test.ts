import { chmod, readFile, stat, writeFile } from "node:fs/promises";
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

  it("warns that the chosen adapter ignores an option only another server's adapter reads", async () => {
    const result = await runCli(["collect", "--teamcity-rest-format", "json", "--plan-repository", "shop"], {
      cwd: repo.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("warning: the git adapter ignores --teamcity-rest-format");
    expect(result.stderr).toContain("warning: the git adapter ignores --plan-repository");
  });

  it("still reads collect --timeout as the build server's deadline, saying the new spelling", async () => {
    const result = await runCli(["collect", "--timeout", "5s"], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "warning: --timeout is an older spelling here: use --build-server-timeout",
    );
  });

  it("degrades to the head commit by default, and fails with --strict", async () => {
    const env = {
      GIT_COMMIT: repo.shas[2]!,
      // A previous build's commit this checkout never fetched.
      GIT_PREVIOUS_SUCCESSFUL_COMMIT: "0123456789abcdef0123456789abcdef01234567",
      GIT_URL: "https://github.com/acme/shop.git",
      BUILD_NUMBER: "7",
    };
    const degraded = await runCli(["collect", "--from", "jenkins"], { cwd: repo.dir, env });
    expect(degraded.code, degraded.stderr).toBe(0);
    expect(degraded.stderr).toContain("The build information is incomplete");
    expect(JSON.parse(degraded.stdout).Commits.map((commit: { Id: string }) => commit.Id)).toEqual([
      repo.shas[2],
    ]);
    const strict = await runCli(["collect", "--from", "jenkins", "--strict"], { cwd: repo.dir, env });
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toContain("code=E_GIT_REVISION");
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

  it("keeps the permissions of the file --output replaces (a 0600 file stays 0600)", async () => {
    const output = join(repo.dir, "private.buildinfo");
    await writeFile(output, "{}");
    await chmod(output, 0o600);
    const result = await runCli(["collect", "--output", output], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect((await stat(output)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(output, "utf8")).VcsType).toBe("Git");
  });

  it("rejects an unsupported VCS with exit 2 and nothing on stdout", async () => {
    const result = await runCli(["collect", "--vcs-type", "hg"], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("hg");
  });
});
