import { afterEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";
import { type CallResult, call, pushBody } from "./octopus-call";

let server: LocalOctopusServer;
afterEach(async () => {
  await server.close();
});

async function ok(method: string, path: string, body?: unknown): Promise<CallResult["json"]> {
  const response = await call(server, method, path, body === undefined ? {} : { body });
  if (response.status >= 300) throw new Error(`${method} ${path}: HTTP ${response.status} ${response.text}`);
  return response.json;
}

/** A project whose one step deploys `Shop.Web` from the built-in feed, and two environments. */
async function shop(projectBody: Record<string, unknown> = {}) {
  const project = await ok("POST", "/api/Spaces-1/projects", { Name: "Shop", ...projectBody });
  await ok("PUT", `/api/Spaces-1/projects/${project.Id}/deploymentprocesses`, {
    Steps: [
      {
        Name: "Deploy web",
        Actions: [{ Name: "Deploy web", Packages: [{ PackageId: "Shop.Web", FeedId: "feeds-builtin" }] }],
      },
    ],
  });
  const staging = await ok("POST", "/api/Spaces-1/environments", { Name: "Staging" });
  const production = await ok("POST", "/api/Spaces-1/environments", { Name: "Production" });
  return { project, staging, production };
}

function release(projectId: string, version: string, extra: Record<string, unknown> = {}) {
  return ok("POST", "/api/Spaces-1/releases", {
    ProjectId: projectId,
    Version: version,
    SelectedPackages: [{ ActionName: "Deploy web", Version: version }],
    ...extra,
  });
}

function pushCommit(version: string, commit: string, mode = "FailIfExists") {
  const body = pushBody("Shop.Web", version, { OverwriteMode: mode });
  Object.assign(body.OctopusBuildInformation as object, {
    VcsCommitNumber: commit,
    Commits: [{ Id: commit, Comment: `Build ${version}` }],
  });
  return ok("POST", "/api/Spaces-1/build-information", body);
}

describe("projects, environments and channels", () => {
  it("creates a project with its default channel and an empty process, found by id, slug, name and part of it", async () => {
    server = await startOctopusServer();
    const created = await call(server, "POST", "/api/Spaces-1/projects", { body: { Name: "Shop Web" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      Id: "Projects-1",
      SpaceId: "Spaces-1",
      Name: "Shop Web",
      Slug: "shop-web",
      TenantedDeploymentMode: "Untenanted",
      DeploymentProcessId: "deploymentprocess-Projects-1",
    });
    expect((await ok("GET", "/api/Spaces-1/projects/shop-web")).Id).toBe("Projects-1");
    expect((await ok("GET", "/api/Spaces-1/projects?name=shop%20web")).Items).toHaveLength(1);
    expect((await ok("GET", "/api/Spaces-1/projects?partialName=web")).TotalResults).toBe(1);
    expect((await ok("GET", "/api/Spaces-1/projects?partialName=api")).TotalResults).toBe(0);
    const channels = await ok("GET", "/api/Spaces-1/projects/Projects-1/channels");
    expect(channels.Items).toEqual([
      expect.objectContaining({ Name: "Default", IsDefault: true, ProjectId: "Projects-1" }),
    ]);
    expect(await ok("GET", "/api/Spaces-1/deploymentprocesses/deploymentprocess-Projects-1")).toMatchObject({
      Steps: [],
      Version: 0,
    });
    const again = await call(server, "POST", "/api/Spaces-1/projects", { body: { Name: "shop web" } });
    expect(again.status).toBe(400);
    expect(again.json.Errors).toEqual(["A project with the name 'shop web' already exists in this space."]);
  });

  it("refuses a process whose package names a feed that does not exist", async () => {
    server = await startOctopusServer();
    const project = await ok("POST", "/api/Spaces-1/projects", { Name: "Shop" });
    const answer = await call(server, "PUT", `/api/Spaces-1/projects/${project.Id}/deploymentprocesses`, {
      body: {
        Steps: [
          {
            Name: "Web",
            Actions: [{ Name: "Web", Packages: [{ PackageId: "Shop.Web", FeedId: "Feeds-9" }] }],
          },
        ],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.Errors).toEqual(["The feed 'Feeds-9' of action 'Web' does not exist."]);
  });
});

describe("releases", () => {
  it("captures the build information of its packages when it is created, and keeps it when the record changes later", async () => {
    server = await startOctopusServer();
    const { project } = await shop();
    await pushCommit("1.0.0", "aaa111");
    const created = await release(project.Id, "1.0.0");
    expect(created).toMatchObject({
      Id: "Releases-1",
      ProjectId: project.Id,
      ChannelId: "Channels-1",
      SelectedPackages: [{ ActionName: "Deploy web", PackageReferenceName: null, Version: "1.0.0" }],
      BuildInformation: [
        {
          PackageId: "Shop.Web",
          Version: "1.0.0",
          VcsCommitNumber: "aaa111",
          VcsCommitUrl: "https://github.com/acme/shop-web/commit/aaa111",
          Commits: [
            {
              Id: "aaa111",
              Comment: "Build 1.0.0",
              LinkUrl: "https://github.com/acme/shop-web/commit/aaa111",
            },
          ],
        },
      ],
    });
    expect(created.ProjectDeploymentProcessSnapshotId).toMatch(
      /^deploymentprocess-Projects-1-s-1-[0-9A-Z]{5}$/,
    );
    const snapshot = await ok(
      "GET",
      `/api/Spaces-1/deploymentprocesses/${created.ProjectDeploymentProcessSnapshotId}`,
    );
    expect(snapshot.Steps[0].Actions[0].Packages[0].PackageId).toBe("Shop.Web");

    await pushCommit("1.0.0", "bbb222", "OverwriteExisting");
    expect((await ok("GET", "/api/Spaces-1/releases/Releases-1")).BuildInformation[0].VcsCommitNumber).toBe(
      "aaa111",
    );
    // Build information pushed after a release exists is not part of it.
    await pushCommit("1.1.0", "ccc333");
    await ok("POST", "/api/Spaces-1/releases", {
      ProjectId: project.Id,
      Version: "1.1.0-early",
      SelectedPackages: [{ ActionName: "Deploy web", Version: "1.2.0" }],
    });
    await pushCommit("1.2.0", "ddd444");
    expect(
      (await ok("GET", `/api/Spaces-1/projects/${project.Id}/releases/1.1.0-early`)).BuildInformation,
    ).toEqual([]);
  });

  it("matches build information to the step's package id regardless of case (OctopusDeploy/Issues#5868)", async () => {
    server = await startOctopusServer();
    const { project } = await shop();
    const body = pushBody("shop.web", "2.0.0");
    await ok("POST", "/api/Spaces-1/build-information", body);
    expect((await release(project.Id, "2.0.0")).BuildInformation).toEqual([
      expect.objectContaining({ PackageId: "shop.web", Version: "2.0.0" }),
    ]);
  });

  it("refuses a repeated version, a missing package version and an unknown step, naming each", async () => {
    server = await startOctopusServer();
    const { project } = await shop();
    await release(project.Id, "1.0.0");
    const repeated = await call(server, "POST", "/api/Spaces-1/releases", {
      body: {
        ProjectId: project.Id,
        Version: "1.0.0",
        SelectedPackages: [{ ActionName: "Deploy web", Version: "1.0.0" }],
      },
    });
    expect(repeated.json.Errors).toEqual([
      "A release with the version 1.0.0 already exists for project Shop.",
    ]);
    const missing = await call(server, "POST", "/api/Spaces-1/releases", {
      body: {
        ProjectId: project.Id,
        Version: "1.0.1",
        SelectedPackages: [{ ActionName: "Deploy api", Version: "1.0.1" }],
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.json.Errors).toEqual([
      "The process has no package '' in step 'Deploy api'.",
      "Please select a version for package Shop.Web of step 'Deploy web'.",
    ]);
  });

  it("lists a project's releases newest first and finds one by version", async () => {
    server = await startOctopusServer();
    const { project } = await shop();
    await release(project.Id, "1.0.0");
    await release(project.Id, "1.1.0");
    const listed = await ok("GET", `/api/Spaces-1/projects/${project.Id}/releases`);
    expect(listed.Items.map((item: { Version: string }) => item.Version)).toEqual(["1.1.0", "1.0.0"]);
    expect(
      (await ok("GET", `/api/Spaces-1/projects/${project.Id}/releases?searchByVersion=1.1`)).TotalResults,
    ).toBe(1);
  });
});

describe("deployments", () => {
  it("writes ChangesMarkdown with the project's deployment changes template when it has one, as Octopus does", async () => {
    server = await startOctopusServer();
    const template =
      "#{each release in Octopus.Deployment.Changes}#{release.Version} in #{Octopus.Environment.Name} of #{Octopus.Project.Name};#{/each}";
    const { project, production } = await shop({
      DeploymentChangesTemplate: template,
      ReleaseNotesTemplate: "notes",
    });
    expect(await ok("GET", `/api/Spaces-1/projects/${project.Id}`)).toMatchObject({
      DeploymentChangesTemplate: template,
      ReleaseNotesTemplate: "notes",
    });
    await pushCommit("1.0.0", "aaa");
    await release(project.Id, "1.0.0", { ReleaseNotes: "Notes" });
    const deployment = await ok("POST", "/api/Spaces-1/deployments", {
      ReleaseId: "Releases-1",
      EnvironmentId: production.Id,
    });
    expect(deployment.ChangesMarkdown).toBe("1.0.0 in Production of Shop;");
  });

  it("deploys, lists newest first with Octopus's filters, and rolls up the changes since the last successful deployment", async () => {
    server = await startOctopusServer();
    const { project, staging, production } = await shop();
    for (const [version, commit] of [
      ["1.0.0", "aaa"],
      ["1.1.0", "bbb"],
      ["1.2.0-beta.1", "ccc"],
      ["1.2.0", "ddd"],
    ]) {
      await pushCommit(version!, commit!);
      await release(project.Id, version!, { ReleaseNotes: `Notes ${version}` });
    }
    const first = await call(server, "POST", "/api/Spaces-1/deployments", {
      body: { ReleaseId: "Releases-1", EnvironmentId: production.Id },
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      Id: "Deployments-1",
      ProjectId: project.Id,
      ReleaseId: "Releases-1",
      EnvironmentId: production.Id,
      ChannelId: "Channels-1",
      TenantId: null,
      TaskId: "ServerTasks-1",
      Changes: [{ Version: "1.0.0", ReleaseNotes: "Notes 1.0.0", Commits: [{ Id: "aaa" }] }],
    });
    expect(await ok("GET", "/api/tasks/ServerTasks-1")).toMatchObject({
      State: "Success",
      IsCompleted: true,
    });

    const preRelease = await ok("POST", "/api/Spaces-1/deployments", {
      ReleaseId: "Releases-3",
      EnvironmentId: production.Id,
    });
    expect(preRelease.Changes.map((change: { Version: string }) => change.Version)).toEqual(["1.2.0-beta.1"]);
    const latest = await ok("POST", "/api/Spaces-1/deployments", {
      ReleaseId: "Releases-4",
      EnvironmentId: production.Id,
    });
    expect(latest.Changes.map((change: { Version: string }) => change.Version)).toEqual(["1.1.0", "1.2.0"]);
    expect(latest.ChangesMarkdown).toBe(
      "\n**Release 1.1.0**\n\nNotes 1.1.0\n\n\n**Release 1.2.0**\n\nNotes 1.2.0\n\n",
    );
    await ok("POST", "/api/Spaces-1/deployments", { ReleaseId: "Releases-2", EnvironmentId: staging.Id });

    const toProduction = await ok(
      "GET",
      `/api/Spaces-1/deployments?projects=${project.Id}&environments=${production.Id}&taskState=Success`,
    );
    expect(toProduction.Items.map((item: { Id: string }) => item.Id)).toEqual([
      "Deployments-3",
      "Deployments-2",
      "Deployments-1",
    ]);
    const both = await ok(
      "GET",
      `/api/Spaces-1/deployments?environments=${staging.Id},${production.Id}&take=1`,
    );
    expect(both.Items.map((item: { Id: string }) => item.Id)).toEqual(["Deployments-4"]);
    expect(both.TotalResults).toBe(4);
    const unknownState = await call(server, "GET", "/api/Spaces-1/deployments?taskState=Done");
    expect(unknownState.status).toBe(400);
  });

  it("keeps a deployment queued until its QueueTime, and a cancelled one out of the successful ones", async () => {
    server = await startOctopusServer();
    const { project, production } = await shop();
    await release(project.Id, "1.0.0");
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const queued = await ok("POST", "/api/Spaces-1/deployments", {
      ReleaseId: "Releases-1",
      EnvironmentId: production.Id,
      QueueTime: later,
    });
    expect((await ok("GET", `/api/tasks/${queued.TaskId}`)).State).toBe("Queued");
    expect((await ok("GET", "/api/Spaces-1/deployments?taskState=Queued")).TotalResults).toBe(1);
    expect((await ok("POST", `/api/tasks/${queued.TaskId}/cancel`)).State).toBe("Canceled");
    expect((await ok("GET", "/api/Spaces-1/deployments?taskState=Success")).TotalResults).toBe(0);
    expect((await ok("GET", "/api/Spaces-1/deployments?taskState=Canceled")).TotalResults).toBe(1);
    const again = await call(server, "POST", `/api/tasks/${queued.TaskId}/cancel`);
    expect(again.status).toBe(400);
  });

  it("deploys a tenanted project only for a tenant connected to the project in that environment", async () => {
    server = await startOctopusServer();
    const { project, staging, production } = await shop({ TenantedDeploymentMode: "Tenanted" });
    const tenant = await ok("POST", "/api/Spaces-1/tenants", {
      Name: "Acme Corp",
      ProjectEnvironments: { [project.Id]: [production.Id] },
    });
    await release(project.Id, "1.0.0");
    const untenanted = await call(server, "POST", "/api/Spaces-1/deployments", {
      body: { ReleaseId: "Releases-1", EnvironmentId: production.Id },
    });
    expect(untenanted.json.Errors).toEqual(["Project Shop deploys to tenants only: please choose a tenant."]);
    const notConnected = await call(server, "POST", "/api/Spaces-1/deployments", {
      body: { ReleaseId: "Releases-1", EnvironmentId: staging.Id, TenantId: tenant.Id },
    });
    expect(notConnected.json.Errors).toEqual([
      "Tenant Acme Corp is not connected to project Shop in environment Staging.",
    ]);
    const deployed = await ok("POST", "/api/Spaces-1/deployments", {
      ReleaseId: "Releases-1",
      EnvironmentId: production.Id,
      TenantId: tenant.Id,
    });
    expect(deployed).toMatchObject({ TenantId: tenant.Id, Name: "Deploy to Production for Acme Corp" });
    expect((await ok("GET", `/api/Spaces-1/deployments?tenants=${tenant.Id}`)).TotalResults).toBe(1);
    expect((await ok("GET", `/api/Spaces-1/tenants?projectId=${project.Id}`)).Items[0].Name).toBe(
      "Acme Corp",
    );
  });
});
