import { collectBuildInformation, collectPerPackage } from "@buildinfo/collect";
import { createOctopusClient, deployedRangeStart, type OctopusClient } from "@buildinfo/octopus";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { octopusScenario } from "@buildinfo/testing";
import { describe, expect, it } from "vitest";
import { fakeGitHubIn } from "../adapters/github-actions/test/support/fake-github-api";
import { githubEnv } from "../adapters/github-actions/test/support/github-env";
import { sinceDeployedSetup } from "./support/since-deployed-setup";

// The library calls `collect --since-deployed`, `push --since-deployed` and `preview` make: find the
// last deployment, take each package's deployed commit, re-read its range, push each package its own.

const { cleanups, repository } = sinceDeployedSetup(7);

async function octopus(): Promise<{ server: LocalOctopusServer; client: OctopusClient }> {
  const server = await startOctopusServer();
  const client = createOctopusClient({ serverUrl: server.url, apiKey: server.apiKey, env: {} });
  cleanups.push(
    () => client.close(),
    () => server.close(),
  );
  return { server, client };
}

describe("commits since the release deployed in an environment", () => {
  it("pushes three packages three different ranges, each from the commit its deployed release captured", async () => {
    const repo = await repository();
    const [c1, , c3, , c5, , c7] = repo.shas;
    const { server, client } = await octopus();
    const scenario = octopusScenario(server);
    const production = await scenario.environment("Production");
    const project = await scenario.project("Shop", ["Shop.Web", "Shop.Api", "Shop.Db"]);
    await scenario.pushBuildInformation("Shop.Web", "1.0.0", { VcsType: "Git", VcsCommitNumber: c1 });
    await scenario.pushBuildInformation("Shop.Api", "1.1.0", { VcsType: "Git", VcsCommitNumber: c3 });
    await scenario.pushBuildInformation("Shop.Db", "1.2.0", { VcsType: "Git", VcsCommitNumber: c5 });
    const release = await scenario.release(project, "1.2.0", {
      packages: { "Shop.Web": "1.0.0", "Shop.Api": "1.1.0", "Shop.Db": "1.2.0" },
    });
    const deployment = await scenario.deploy(release, production);

    const collected = await collectBuildInformation({
      adapter: "git",
      env: {},
      cwd: repo.dir,
      overrides: { buildNumber: "9" },
    });
    const last = await client.findLastDeployment({ project: "Shop", environment: "Production" });
    const packageIds = ["Shop.Web", "Shop.Api", "Shop.Db"];
    const perPackage = await collectPerPackage(collected, packageIds, (id) => deployedRangeStart(last, id));
    expect(perPackage.map((entry) => entry.collected.buildInformation.Commits)).toEqual([
      repo.octopusCommits(`${c1}..${c7}`),
      repo.octopusCommits(`${c3}..${c7}`),
      repo.octopusCommits(`${c5}..${c7}`),
    ]);
    expect(perPackage[2]!.collected.draft.sources?.commits).toBe(
      `git log ${c5}..${c7} (since Shop.Db 1.2.0 in the release 1.2.0 (${release.Id}) of Shop, deployed to Production by ` +
        `${deployment.Id} (${deployment.Created}))`,
    );

    const summary = await client.pushToPackages({
      packages: perPackage.map((entry) => ({
        packageId: entry.packageId,
        version: "1.3.0",
        buildInformation: entry.collected.buildInformation,
      })),
      buildInformation: collected.buildInformation,
      overwriteMode: "FailIfExists",
    });
    expect(summary.failed).toEqual([]);
    const stored = server.records().filter((record) => record.Version === "1.3.0");
    expect(stored.map((record) => [record.PackageId, record.Commits.length])).toEqual([
      ["Shop.Web", 6],
      ["Shop.Api", 4],
      ["Shop.Db", 2],
    ]);
  });

  it("follows the tenant's deployment of a tenanted project", async () => {
    const repo = await repository();
    const [, c2, , c4, , , c7] = repo.shas;
    const { server, client } = await octopus();
    const scenario = octopusScenario(server);
    const production = await scenario.environment("Production");
    const project = await scenario.project("Shop", ["Shop.Web"], { tenantedDeploymentMode: "Tenanted" });
    const acme = await scenario.tenant("Acme", { [project.Id]: [production] });
    const globex = await scenario.tenant("Globex", { [project.Id]: [production] });
    await scenario.pushBuildInformation("Shop.Web", "1.0.0", { VcsType: "Git", VcsCommitNumber: c2 });
    await scenario.pushBuildInformation("Shop.Web", "1.1.0", { VcsType: "Git", VcsCommitNumber: c4 });
    await scenario.deploy(await scenario.release(project, "1.0.0"), production, { tenant: acme });
    await scenario.deploy(await scenario.release(project, "1.1.0"), production, { tenant: globex });

    const collected = await collectBuildInformation({ adapter: "git", env: {}, cwd: repo.dir });
    const last = await client.findLastDeployment({
      project: "Shop",
      environment: "Production",
      tenant: "Acme",
    });
    const [web] = await collectPerPackage(collected, ["Shop.Web"], (id) => deployedRangeStart(last, id));
    expect(web!.collected.buildInformation.Commits).toEqual(repo.octopusCommits(`${c2}..${c7}`));
  });

  it("reads the range through GitHub's compare API where the run has a token, so a shallow checkout does not matter", async () => {
    const origin = await repository();
    const shallow = await repository({ shallowClone: true });
    const [, c2, c3, c4, c5, c6, c7] = origin.shas;
    const { server, client } = await octopus();
    const scenario = octopusScenario(server);
    const production = await scenario.environment("Production");
    const project = await scenario.project("Shop", ["Shop.Web"]);
    await scenario.pushBuildInformation("Shop.Web", "1.0.0", { VcsType: "Git", VcsCommitNumber: c2 });
    await scenario.deploy(await scenario.release(project, "1.0.0"), production);

    const sinceDeployed = [c3, c4, c5, c6, c7].map((sha) => ({
      sha: sha!,
      message: origin.git(["log", "-1", "--format=%B", sha!]).trimEnd(),
    }));
    const { api, http, apiEnv } = await fakeGitHubIn(cleanups)({
      token: "ghs_token",
      base: c2!,
      head: c7!,
      commits: sinceDeployed,
    });
    const env = githubEnv({
      ...apiEnv,
      GITHUB_EVENT_NAME: "workflow_dispatch",
      GITHUB_REF: "refs/heads/main",
      GITHUB_SHA: c7,
    });
    const collected = await collectBuildInformation({
      adapter: "github-actions",
      env,
      cwd: shallow.dir,
      http,
    });
    const last = await client.findLastDeployment({ project: "Shop", environment: "Production" });
    const [web] = await collectPerPackage(collected, ["Shop.Web"], (id) => deployedRangeStart(last, id));

    expect(web!.collected.buildInformation.Commits).toEqual(origin.octopusCommits(`${c2}..${c7}`));
    expect(web!.collected.incomplete).toEqual([]);
    expect(api.requests.at(-1)!.path).toBe(`/api/v3/repos/Codertocat/Hello-World/compare/${c2}...${c7}`);
  });
});
