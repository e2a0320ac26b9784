import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { type Created, octopusScenario } from "@buildinfo/testing";
import { describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { sinceDeployedSetup } from "./support/since-deployed-setup";

// `push`/`collect --since-deployed` and the push guards through the real CLI, against the local server
// and real git checkouts (docs/since-deployed.md).

const { cleanups, repository } = sinceDeployedSetup(6);

async function octopus(options: Parameters<typeof startOctopusServer>[0] = {}) {
  const server = await startOctopusServer(options);
  cleanups.push(() => server.close());
  return { server, scenario: octopusScenario(server) };
}

/** Shop deploys these packages; Production runs release 1.0.0, whose build information names these commits. */
async function deployed(server: LocalOctopusServer, commits: Record<string, string>) {
  const scenario = octopusScenario(server);
  const shop = await scenario.deployedRelease({ project: "Shop", environment: "Production", commits });
  await scenario.environment("Staging");
  return shop;
}

const since = ["--since-deployed", "Production", "--project", "Shop", "--build-number", "7"];

function storedCommits(server: LocalOctopusServer, version: string) {
  return Object.fromEntries(
    server
      .records()
      .filter((record) => record.Version === version)
      .map((record) => [record.PackageId, record.Commits.map(({ Id, Comment }) => ({ Id, Comment }))]),
  );
}

function named(release: Created, deployment: Created, packageId = "Shop.Web"): string {
  return `${packageId} 1.0.0 in the release 1.0.0 (${release.Id}) of Shop, deployed to Production by ${deployment.Id} (${deployment.Created})`;
}

describe("buildinfo push --since-deployed", () => {
  it("pushes exactly the commits since the deployed one", async () => {
    const repo = await repository();
    const [, c2, , , , c6] = repo.shas;
    const { server } = await octopus();
    await deployed(server, { "Shop.Web": c2! });
    const result = await runCli(pushArgs(server, "Shop.Web", "1.1.0", since), { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(storedCommits(server, "1.1.0")).toEqual({ "Shop.Web": repo.octopusCommits(`${c2}..${c6}`) });
    expect(result.stderr).toContain(
      "last deployment: release 1.0.0 (Releases-1) of Shop, deployed to Production by Deployments-1",
    );
  });

  it("pushes three packages three ranges, from the commit each one's deployed build named", async () => {
    const repo = await repository();
    const [c1, , c3, , c5, c6] = repo.shas;
    const { server } = await octopus();
    await deployed(server, { "Shop.Web": c1!, "Shop.Api": c3!, "Shop.Db": c5! });
    const result = await runCli(pushArgs(server, ["Shop.Web", "Shop.Api", "Shop.Db"], "1.1.0", since), {
      cwd: repo.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(storedCommits(server, "1.1.0")).toEqual({
      "Shop.Web": repo.octopusCommits(`${c1}..${c6}`),
      "Shop.Api": repo.octopusCommits(`${c3}..${c6}`),
      "Shop.Db": repo.octopusCommits(`${c5}..${c6}`),
    });
  });

  it("in a shallow clone names the commit, its release and deployment and the fix, sends the build's own range, and exits 2 with --strict", async () => {
    const origin = await repository();
    const shallow = await repository({ shallowClone: true });
    const c2 = origin.shas[1]!;
    const { server } = await octopus();
    const { release, deployment } = await deployed(server, { "Shop.Web": c2 });

    const result = await runCli(pushArgs(server, "Shop.Web", "1.1.0", since), { cwd: shallow.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `The commit ${c2} of ${named(release, deployment)} is not in this checkout, which is a shallow clone, so the ` +
        "commits since it cannot be read. The build server's own range is sent instead",
    );
    expect(result.stderr).toContain(
      "To fix: on Git: fetch the history before buildinfo runs (`git fetch --unshallow`",
    );
    expect(storedCommits(server, "1.1.0")["Shop.Web"]!.map((commit) => commit.Id)).toEqual([
      shallow.shas.at(-1),
    ]);

    const strict = await runCli(pushArgs(server, "Shop.Web", "1.2.0", [...since, "--strict"]), {
      cwd: shallow.dir,
    });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain("E_DEPLOYED_COMMIT_MISSING");
    expect(strict.stderr).toContain(
      `The commit ${c2} of ${named(release, deployment)} is not in this checkout`,
    );
    expect(storedCommits(server, "1.2.0")).toEqual({});
  });

  it("says history was rewritten when the deployed commit is no ancestor, and sends the build's own range", async () => {
    const repo = await repository();
    const lost = repo.commit("Lost to a force push");
    repo.git(["reset", "--quiet", "--hard", "HEAD~1"]);
    const head = repo.commit("SHOP-7 change 7");
    repo.git(["tag", "v1.0.0", repo.shas[3]!]);
    const { server } = await octopus();
    const { release, deployment } = await deployed(server, { "Shop.Web": lost });
    const result = await runCli(pushArgs(server, "Shop.Web", "1.1.0", since), { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `The commit ${lost} of ${named(release, deployment)} is not an ancestor of this build's commit ${head}: history was rewritten`,
    );
    // The git adapter's own range: since the last tag.
    expect(storedCommits(server, "1.1.0")["Shop.Web"]).toEqual(repo.octopusCommits(`v1.0.0..${head}`));
  });

  it("sends the build's own range with a note when nothing was deployed there yet", async () => {
    const repo = await repository();
    const { server, scenario } = await octopus();
    await scenario.environment("Production");
    await scenario.project("Shop", ["Shop.Web"]);
    const result = await runCli(pushArgs(server, "Shop.Web", "1.1.0", since), { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "Shop.Web: There is no release of Shop deployed successfully to Production yet, so the build server's own range is sent.",
    );
    expect(storedCommits(server, "1.1.0")["Shop.Web"]).toHaveLength(6);
  });

  it("follows a tenant's deployment, and asks for a tenant where the project deploys only to tenants", async () => {
    const repo = await repository();
    const [, c2, , c4, , c6] = repo.shas;
    const { server, scenario } = await octopus();
    const production = await scenario.environment("Production");
    const project = await scenario.project("Shop", ["Shop.Web"], { tenantedDeploymentMode: "Tenanted" });
    const acme = await scenario.tenant("Acme", { [project.Id]: [production] });
    const globex = await scenario.tenant("Globex", { [project.Id]: [production] });
    await scenario.pushBuildInformation("Shop.Web", "1.0.0", { VcsType: "Git", VcsCommitNumber: c2 });
    await scenario.pushBuildInformation("Shop.Web", "1.0.1", { VcsType: "Git", VcsCommitNumber: c4 });
    await scenario.deploy(await scenario.release(project, "1.0.0"), production, { tenant: acme });
    await scenario.deploy(await scenario.release(project, "1.0.1"), production, { tenant: globex });

    const untenanted = await runCli(pushArgs(server, "Shop.Web", "1.1.0", since), { cwd: repo.dir });
    expect(untenanted.code).toBe(2);
    expect(untenanted.stderr).toContain(
      "Project Shop deploys only to tenants, so --since-deployed needs --tenant. Its tenants: Acme, Globex.",
    );
    const forAcme = await runCli(pushArgs(server, "Shop.Web", "1.1.0", [...since, "--tenant", "Acme"]), {
      cwd: repo.dir,
    });
    expect(forAcme.code, forAcme.stderr).toBe(0);
    expect(storedCommits(server, "1.1.0")["Shop.Web"]).toEqual(repo.octopusCommits(`${c2}..${c6}`));
  });

  it("exits 2 naming the environments and projects that exist when one is unknown, and sends nothing", async () => {
    const repo = await repository();
    const { server } = await octopus();
    await deployed(server, { "Shop.Web": repo.shas[1]! });

    const environment = await runCli(
      pushArgs(server, "Shop.Web", "1.1.0", ["--since-deployed", "Prod", "--project", "Shop"]),
      { cwd: repo.dir },
    );
    expect(environment.code).toBe(2);
    expect(environment.stderr).toContain(
      `There is no environment named "Prod" in space Spaces-1 on ${server.url}. Environments that exist: Production (Environments-1), Staging (Environments-2).`,
    );
    expect(environment.stderr).toContain("E_ENVIRONMENT_NOT_FOUND");
    expect(environment.stderr).toContain(
      "Name an existing environment of the space, by name or Environments-N id.",
    );

    const project = await runCli(
      pushArgs(server, "Shop.Web", "1.1.0", ["--since-deployed", "Production", "--project", "Shopp"]),
      { cwd: repo.dir },
    );
    expect(project.code).toBe(2);
    expect(project.stderr).toContain(
      `There is no project named "Shopp" in space Spaces-1 on ${server.url}. Projects that exist: Shop (Projects-1).`,
    );
    expect(storedCommits(server, "1.1.0")).toEqual({});
  });

  it("refuses --since-deployed without --project, and with --since", async () => {
    const repo = await repository();
    const { server } = await octopus();
    const noProject = await runCli(
      pushArgs(server, "Shop.Web", "1.1.0", ["--since-deployed", "Production"]),
      { cwd: repo.dir },
    );
    expect([noProject.code, noProject.stderr]).toEqual([
      2,
      expect.stringContaining("--since-deployed needs --project."),
    ]);
    const both = await runCli(pushArgs(server, "Shop.Web", "1.1.0", [...since, "--since", "HEAD~2"]), {
      cwd: repo.dir,
    });
    expect([both.code, both.stderr]).toEqual([
      2,
      expect.stringContaining("both choose where the commits start"),
    ]);
  });
});

describe("buildinfo collect --since-deployed", () => {
  it("prints the package's commits since its deployed one", async () => {
    const repo = await repository();
    const [, , c3, , , c6] = repo.shas;
    const { server } = await octopus();
    await deployed(server, { "Shop.Web": c3! });
    const result = await runCli(
      ["collect", ...since, "--package-id", "Shop.Web", "--server", server.url, "--api-key", server.apiKey],
      { cwd: repo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).Commits).toEqual(repo.octopusCommits(`${c3}..${c6}`));
    const none = await runCli(["collect", ...since, "--server", server.url, "--api-key", server.apiKey], {
      cwd: repo.dir,
    });
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining("needs one --package-id")]);
  });
});

describe("buildinfo preview --since-deployed", () => {
  it("previews each package with the commits since its deployed one, sending nothing", async () => {
    const repo = await repository();
    const [c1, , , c4, , c6] = repo.shas;
    const { server } = await octopus();
    await deployed(server, { "Shop.Web": c1!, "Shop.Api": c4! });
    const posts = server.requests.filter((request) => request.method === "POST").length;
    const result = await runCli(
      [
        "preview",
        ...since,
        "--package-id",
        "Shop.Web",
        "--package-id",
        "Shop.Api",
        "--version",
        "1.1.0",
        "--format",
        "json",
        "--server",
        server.url,
        "--api-key",
        server.apiKey,
      ],
      { cwd: repo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const shown = JSON.parse(result.stdout) as {
      packages: { packageId: string; commits: { id: string }[] }[];
    };
    const ids = (range: string) => repo.octopusCommits(range).map((commit) => commit.Id);
    expect(shown.packages.map((pkg) => [pkg.packageId, pkg.commits.map((commit) => commit.id)])).toEqual([
      ["Shop.Web", ids(`${c1}..${c6}`)],
      ["Shop.Api", ids(`${c4}..${c6}`)],
    ]);
    expect(server.requests.filter((request) => request.method === "POST")).toHaveLength(posts);
  });
});

describe("the --project checks of a push", () => {
  it("warns that a release already uses the package version, and with --strict exits 2 sending nothing", async () => {
    const repo = await repository();
    const { server, scenario } = await octopus();
    const project = await scenario.project("Shop", ["Shop.Web"]);
    await scenario.release(project, "2.0.0");
    const args = pushArgs(server, "Shop.Web", "2.0.0", ["--project", "Shop"]);

    const strict = await runCli([...args, "--strict"], { cwd: repo.dir });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain("E_PACKAGE_ALREADY_RELEASED");
    expect(strict.stderr).toContain(
      "Release 2.0.0 (Releases-1) of project Shop already uses Shop.Web 2.0.0: Octopus captured its build information when the release was created",
    );
    expect(server.records()).toEqual([]);

    const warned = await runCli(args, { cwd: repo.dir });
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain("Release 2.0.0 (Releases-1) of project Shop already uses Shop.Web 2.0.0");
    expect(server.records().map((record) => record.PackageId)).toEqual(["Shop.Web"]);
  });

  it("names the id the built-in feed holds when the pushed one differs in case", async () => {
    const repo = await repository();
    const { server, scenario } = await octopus();
    await scenario.project("Shop", ["Shop.Web"]);
    await scenario.uploadPackage("Shop.Web.1.0.0.zip");
    const result = await runCli(pushArgs(server, "shop.web", "1.1.0", ["--project", "Shop", "--strict"]), {
      cwd: repo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('The built-in feed holds this package as "Shop.Web", not "shop.web".');
    expect(result.stderr).toContain(
      "Pass --package-id Shop.Web, exactly as the feed and the steps name the package.",
    );
  });

  it("names the feeds that hold the same id and version", async () => {
    const repo = await repository();
    const feedUri = "https://nuget.example.com/v3/index.json";
    const { server, scenario } = await octopus({
      externalFeedPackages: { [feedUri]: [{ PackageId: "Shop.Web", Version: "3.0.0" }] },
    });
    const nuget = await scenario.feed("Company NuGet", feedUri);
    await scenario.project("Shop", [{ packageId: "Shop.Web", feedId: nuget.Id }]);
    await scenario.uploadPackage("Shop.Web.3.0.0.zip");
    const result = await runCli(pushArgs(server, "Shop.Web", "3.0.0", ["--project", "Shop"]), {
      cwd: repo.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "Shop.Web 3.0.0 is in 2 feeds: Octopus Server (built-in) (feeds-builtin), Company NuGet (Feeds-1).",
    );
  });
});
