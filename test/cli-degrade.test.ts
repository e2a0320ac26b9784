import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type FakeApi, startFakeApi, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelineBuild } from "../adapters/jenkins/test/jenkins-fixtures";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { fieldCases } from "./peers/peer-cases";

// env-ci's Jenkins pull-request cases (the GitHub Pull Request Builder and the GitLab plugin), pushed by
// the real CLI from a checkout that never fetched the target branch: where the range's start
// (origin/master) is unknown, the build is still pushed, with its head commit and a warning with the fix.

describe("a Jenkins pull request whose target branch the checkout lacks", () => {
  let server: LocalOctopusServer;
  let jenkins: FakeApi;
  let repo: TempGitRepo;

  beforeAll(async () => {
    server = await startOctopusServer();
    // The build API answers with no change sets, as on a pull request's first build.
    jenkins = await startFakeApi(() => ({ body: pipelineBuild([]) }));
    repo = await createTempGitRepo({
      commits: [{ message: "Initial import" }, { message: "SHOP-3 price cache\n\nFixes #3" }],
      branch: "pr-branch",
      remoteUrl: "https://github.com/acme/shop.git",
    });
  });
  afterAll(async () => {
    await server.close();
    await jenkins.close();
    await repo.cleanup();
  });

  it.each(["jenkins/PR (PR ghprb-plugin)", "jenkins/PR (gitlab-plugin)"])(
    "%s: pushed, warned, head commit only",
    async (id) => {
      const entry = fieldCases().find((candidate) => candidate.id === id)!;
      const env = {
        ...entry.env,
        JENKINS_URL: `${jenkins.url}/`,
        BUILD_URL: `${jenkins.url}/job/shop/91011/`,
        GIT_COMMIT: repo.shas[1]!,
        GIT_URL: "https://github.com/acme/shop.git",
      };
      const version = id.includes("ghprb") ? "1.0.1" : "1.0.2";
      const run = await runCli(pushArgs(server, "Shop.Web", version), { env, cwd: repo.dir });
      expect(run.stderr).toMatch(/git does not know origin\/master/);
      expect(run.stderr).toContain("The build information is incomplete");
      expect(run.stderr).toContain("fetch its target branch");
      expect(run.code).toBe(0);
      const stored = server.records().find((record) => record.Version === version)!;
      expect(stored.Commits.map((commit) => commit.Id)).toEqual([repo.shas[1]]);
      expect(stored.Branch).toBe("pr-branch");
    },
  );

  it("carries what the build information lacks, and its fix, in push --json", async () => {
    const entry = fieldCases().find((candidate) => candidate.id === "jenkins/PR (PR ghprb-plugin)")!;
    const env = {
      ...entry.env,
      JENKINS_URL: `${jenkins.url}/`,
      BUILD_URL: `${jenkins.url}/job/shop/91011/`,
      GIT_COMMIT: repo.shas[1]!,
    };
    const run = await runCli(pushArgs(server, "Shop.Api", "1.0.3", ["--json"]), { env, cwd: repo.dir });
    expect(run.code, run.stderr).toBe(0);
    const [result] = (
      JSON.parse(run.stdout) as { results: { incomplete: { code: string; fix: string }[] }[] }
    ).results;
    expect(result?.incomplete.map((item) => item.code)).toEqual(["E_GIT_REVISION"]);
    expect(result?.incomplete[0]?.fix).toContain("fetch its target branch");
  });
});
