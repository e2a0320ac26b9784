import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";

describe("build servers' own log commands", () => {
  let server: LocalOctopusServer;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await startOctopusServer();
    dir = await mkdtemp(join(tmpdir(), "buildinfo-ci-logs-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(file, JSON.stringify({ BuildEnvironment: "TeamCity", VcsType: "Git", Commits: [] }));
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const pushTwice = async (packageId: string, env: Record<string, string>) => {
    const args = pushArgs(server, packageId, "1.0.0", ["--file", file]);
    expect((await runCli(args, { cwd: dir, env })).code).toBe(0);
    return runCli(args, { cwd: dir, env });
  };

  it("writes TeamCity service messages: blocks, an ERROR message and a build problem, escaped", async () => {
    const result = await pushTwice("Shop.TeamCity", { TEAMCITY_VERSION: "2024.03 (build 156630)" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("##teamcity[blockOpened name='Pushing build information to Octopus']");
    expect(result.stdout).toContain("##teamcity[blockClosed name='Pushing build information to Octopus']");
    expect(result.stdout).toMatch(
      /##teamcity\[message text='Shop\.TeamCity 1\.0\.0 was not pushed: [^\n]*' status='ERROR'\]/,
    );
    expect(result.stdout).toContain(
      "##teamcity[buildProblem description='1 of 1 packages were not pushed: Shop.TeamCity 1.0.0']",
    );
    for (const line of result.stdout.split("\n").filter((text) => text.startsWith("##teamcity["))) {
      // Every value is escaped: no bare quote, bracket or line break inside a message.
      expect(line).toMatch(/^##teamcity\[\w+( \w+='([^'|[\]]|\|['|nr[\]]|\|0x[0-9A-F]{4})*')*\]$/);
    }
  });

  it("writes GitHub Actions workflow commands", async () => {
    const result = await pushTwice("Shop.GitHub", { GITHUB_ACTIONS: "true" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("::group::Pushing build information to Octopus");
    expect(result.stdout).toContain("::endgroup::");
    expect(result.stdout).toMatch(/::error title=buildinfo::Shop\.GitHub 1\.0\.0 was not pushed/);
  });

  it("writes Azure Pipelines logging commands", async () => {
    const result = await pushTwice("Shop.Azure", { TF_BUILD: "True" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("##[group]Pushing build information to Octopus");
    expect(result.stdout).toContain("##[endgroup]");
    expect(result.stdout).toMatch(/##vso\[task\.logissue type=error;\]Shop\.Azure 1\.0\.0 was not pushed/);
    expect(result.stdout).toContain(
      "##vso[task.complete result=Failed;]1 of 1 packages were not pushed: Shop.Azure 1.0.0",
    );
  });

  it("keeps log commands off stdout when stdout carries JSON: on stderr where the server reads them there", async () => {
    const args = ["collect", "--file", file, "--vcs-type", "svn"];
    const gitHub = await runCli(args, { cwd: dir, env: { GITHUB_ACTIONS: "true" } });
    expect(gitHub.code).toBe(2);
    expect(gitHub.stdout).toBe("");
    expect(gitHub.stderr).toMatch(/^::error title=buildinfo::.*svn/m);
    // TeamCity reads service messages only from stdout: plain lines then.
    const teamCity = await runCli(args, { cwd: dir, env: { TEAMCITY_VERSION: "2024.03" } });
    expect(teamCity.code).toBe(2);
    expect(teamCity.stdout).toBe("");
    expect(teamCity.stderr).toMatch(/^\[buildinfo\] error: .*svn/m);
    expect(teamCity.stderr).not.toContain("##teamcity");
  });
});
