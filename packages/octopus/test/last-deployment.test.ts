import { describe, expect, it } from "vitest";
import { deployedRangeStart, describeDeployment } from "../src/index";
import { rejection } from "./fixtures";
import { localOctopus } from "./local-octopus";

const start = localOctopus();

describe("findLastDeployment", () => {
  it("finds the release last deployed successfully, passing over newer queued and cancelled deployments", async () => {
    const { scenario, client } = await start();
    const production = await scenario.environment("Production");
    const staging = await scenario.environment("Staging");
    const project = await scenario.project("Shop", ["Shop.Web", "Shop.Api"]);
    await scenario.pushBuildInformation("Shop.Web", "1.0.0", { VcsCommitNumber: "aaa111" });
    await scenario.pushBuildInformation("Shop.Api", "1.0.0", { VcsCommitNumber: "bbb222" });
    const deployed = await scenario.release(project, "1.0.0");
    const newer = await scenario.release(project, "1.1.0");
    const deployment = await scenario.deploy(deployed, production);
    await scenario.deploy(newer, staging);
    const queued = await scenario.deploy(newer, production, { queueTime: new Date(Date.now() + 3_600_000) });
    await scenario.cancel(queued);
    await scenario.deploy(newer, production, { queueTime: new Date(Date.now() + 3_600_000) });

    const last = await client.findLastDeployment({ project: "shop", environment: "Production" });
    expect(last).toMatchObject({
      space: { Id: "Spaces-1", Name: "Default" },
      project: { Id: project.Id, Name: "Shop" },
      environment: { Id: production.Id, Name: "Production" },
      deployment: { Id: deployment.Id, Name: "Deploy to Production", Created: deployment.Created },
      release: { Id: deployed.Id, Version: "1.0.0" },
    });
    const named = `release 1.0.0 (${deployed.Id}) of Shop, deployed to Production by ${deployment.Id} (${deployment.Created})`;
    expect(describeDeployment(last)).toBe(named);
    expect(deployedRangeStart(last, "shop.api")).toEqual({
      commit: "bbb222",
      source: `shop.api 1.0.0 in the ${named}`,
    });
    expect(deployedRangeStart(last, "Shop.Db")).toEqual({
      note: `The ${named} has no build information for Shop.Db, so the build server's own range is sent.`,
    });
  });

  it("says when nothing was deployed there yet", async () => {
    const { scenario, client } = await start();
    await scenario.environment("Production");
    await scenario.project("Shop", ["Shop.Web"]);
    const last = await client.findLastDeployment({ project: "Projects-1", environment: "Environments-1" });
    expect(last.deployment).toBeUndefined();
    expect(describeDeployment(last)).toBe("no release of Shop deployed successfully to Production");
    expect(deployedRangeStart(last, "Shop.Web")).toEqual({
      note: "There is no release of Shop deployed successfully to Production yet, so the build server's own range is sent.",
    });
  });

  it("follows one tenant, or the untenanted deployments when none is named", async () => {
    const { scenario, client } = await start();
    const production = await scenario.environment("Production");
    const project = await scenario.project("Shop", ["Shop.Web"], {
      tenantedDeploymentMode: "TenantedOrUntenanted",
    });
    const acme = await scenario.tenant("Acme", { [project.Id]: [production] });
    const globex = await scenario.tenant("Globex", { [project.Id]: [production] });
    const [first, second, third] = [
      await scenario.release(project, "1.0.0"),
      await scenario.release(project, "1.1.0"),
      await scenario.release(project, "1.2.0"),
    ];
    await scenario.deploy(first!, production);
    await scenario.deploy(second!, production, { tenant: acme });
    await scenario.deploy(third!, production, { tenant: globex });

    const forAcme = await client.findLastDeployment({
      project: "Shop",
      environment: "Production",
      tenant: "acme",
    });
    expect([forAcme.tenant?.Name, forAcme.release?.Version]).toEqual(["Acme", "1.1.0"]);
    const untenanted = await client.findLastDeployment({ project: "Shop", environment: "Production" });
    expect(untenanted.release?.Version).toBe("1.0.0");
    expect(describeDeployment(forAcme)).toMatch(/deployed to Production for tenant Acme by Deployments-2/);
  });

  it("needs a tenant for a project that deploys only to tenants, naming its tenants", async () => {
    const { scenario, client } = await start();
    const production = await scenario.environment("Production");
    const project = await scenario.project("Shop", ["Shop.Web"], { tenantedDeploymentMode: "Tenanted" });
    await scenario.tenant("Acme", { [project.Id]: [production] });
    const error = await rejection(client.findLastDeployment({ project: "Shop", environment: "Production" }));
    expect([error.code, error.exitCode, error.source]).toEqual(["E_USAGE", 2, "--tenant"]);
    expect(error.message).toBe(
      "Project Shop deploys only to tenants, so --since-deployed needs --tenant. Its tenants: Acme.",
    );
  });

  it("follows one channel when named", async () => {
    const { scenario, client } = await start();
    const production = await scenario.environment("Production");
    const project = await scenario.project("Shop", ["Shop.Web"]);
    const hotfix = await scenario.channel(project, "Hotfix");
    await scenario.deploy(await scenario.release(project, "1.0.0"), production);
    await scenario.deploy(await scenario.release(project, "1.0.1", { channel: hotfix }), production);
    const inDefault = await client.findLastDeployment({
      project: "Shop",
      environment: "Production",
      channel: "Default",
    });
    const inHotfix = await client.findLastDeployment({
      project: "Shop",
      environment: "Production",
      channel: hotfix.Id,
    });
    expect([inDefault.release?.Version, inHotfix.release?.Version]).toEqual(["1.0.0", "1.0.1"]);
  });

  it("names what exists when the project, environment, channel or tenant does not (exit 2)", async () => {
    const { server, scenario, client } = await start();
    await scenario.environment("Production");
    await scenario.environment("Staging");
    await scenario.project("Shop", ["Shop.Web"]);
    await scenario.project("Warehouse", ["Warehouse.Api"]);

    const project = await rejection(
      client.findLastDeployment({ project: "Shopp", environment: "Production" }),
    );
    expect([project.code, project.exitCode, project.source]).toEqual(["E_PROJECT_NOT_FOUND", 2, "--project"]);
    expect(project.message).toBe(
      `There is no project named "Shopp" in space Spaces-1 on ${server.url}. Projects that exist: Shop (Projects-1), Warehouse (Projects-2).`,
    );
    const environment = await rejection(
      client.findLastDeployment({ project: "Shop", environment: "Environments-9" }),
    );
    expect([environment.code, environment.message]).toEqual([
      "E_ENVIRONMENT_NOT_FOUND",
      `There is no environment with id Environments-9 in space Spaces-1 on ${server.url}. Environments that exist: Production (Environments-1), Staging (Environments-2).`,
    ]);
    const channel = await rejection(
      client.findLastDeployment({ project: "Shop", environment: "Staging", channel: "Beta" }),
    );
    expect([channel.code, channel.message]).toEqual([
      "E_CHANNEL_NOT_FOUND",
      `There is no channel named "Beta" in space Spaces-1 on ${server.url}. Channels that exist: Default (Channels-1).`,
    ]);
    const tenant = await rejection(
      client.findLastDeployment({ project: "Shop", environment: "Staging", tenant: "Acme" }),
    );
    expect([tenant.code, tenant.message]).toEqual([
      "E_TENANT_NOT_FOUND",
      `There is no tenant named "Acme" in space Spaces-1 on ${server.url}. No tenant exists there.`,
    ]);
  });
});
