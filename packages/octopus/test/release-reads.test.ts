// What `preview` reads about projects, releases, deployments and issue trackers, against the local server
// with those resources answered in the real API's shapes (test/support/octopus-release-resources.ts).

import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterEach, describe, expect, it } from "vitest";
import {
  type ReleaseResourcesFixture,
  releaseResources,
} from "../../../test/support/octopus-release-resources";
import { createOctopusClient } from "../src/index";
import { buildInformation, fastRetry, rejection } from "./fixtures";

let server: LocalOctopusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const release = (n: number) => ({
  Id: `Releases-${n}`,
  Version: `1.0.${n}`,
  ReleaseNotes: `notes of 1.0.${n}`,
  BuildInformation: [{ PackageId: "Shop.Web", Version: `1.0.${n}`, Commits: [], WorkItems: [] }],
});

async function start(fixture: ReleaseResourcesFixture) {
  server = await startOctopusServer({ beforeRequest: releaseResources(fixture) });
  return createOctopusClient({ serverUrl: server.url, apiKey: server.apiKey, ...fastRetry });
}

describe("the release reads", () => {
  it("find a project by name with the templates of its deployment settings, and say which exist when it is not there", async () => {
    const client = await start({
      projects: [
        { Id: "Projects-1", Name: "Shop", ReleaseNotesTemplate: "#{Octopus.Release.Number}" },
        { Id: "Projects-2", Name: "Shop Admin" },
      ],
    });
    expect(await client.findProject(undefined, "shop")).toEqual({
      Id: "Projects-1",
      Name: "Shop",
      ReleaseNotesTemplate: "#{Octopus.Release.Number}",
      DeploymentChangesTemplate: "",
    });
    const error = await rejection(client.findProject(undefined, "Shop Adm"));
    expect(error.code).toBe("E_PROJECT_NOT_FOUND");
    expect(error.message).toContain('There is no project named "Shop Adm" in space Spaces-1');
    expect(error.message).toContain("Similar: Shop Admin.");
    expect(error.exitCode).toBe(1);
    await client.close();
  });

  it("find the release of the last successful deployment and every release of a project, page by page", async () => {
    const releases = Array.from({ length: 130 }, (_, i) => release(130 - i));
    const client = await start({
      projects: [{ Id: "Projects-1", Name: "Shop", releases }],
      environments: [{ Id: "Environments-1", Name: "Production" }],
      deployments: [
        {
          Id: "Deployments-9",
          ProjectId: "Projects-1",
          EnvironmentId: "Environments-1",
          ReleaseId: "Releases-7",
        },
      ],
    });
    const production = await client.findEnvironment(undefined, "Production");
    expect(production).toEqual({ Id: "Environments-1", Name: "Production" });
    expect(await client.lastDeployedRelease(undefined, "Projects-1", "Environments-1")).toEqual({
      Id: "Releases-7",
      Version: "1.0.7",
      ReleaseNotes: "notes of 1.0.7",
      BuildInformation: release(7).BuildInformation,
    });
    expect(await client.lastDeployedRelease(undefined, "Projects-1", "Environments-2")).toBeUndefined();
    const listed = await client.listReleases(undefined, "Projects-1");
    expect(listed.map((entry) => entry.Version)).toEqual(releases.map((entry) => entry.Version));
    expect((await rejection(client.findEnvironment(undefined, "Staging"))).code).toBe(
      "E_ENVIRONMENT_NOT_FOUND",
    );
    await client.close();
  });

  it("find the stored record of one package version, and nothing for a version that has none", async () => {
    const client = await start({});
    await client.pushToPackages({
      packages: [
        { packageId: "Shop.Web", version: "1.0.1" },
        { packageId: "Shop.Web", version: "1.0.10" },
      ],
      buildInformation,
      overwriteMode: "FailIfExists",
    });
    const found = await client.findBuildInformation(undefined, "shop.web", "1.0.1");
    expect([found?.PackageId, found?.Version]).toEqual(["Shop.Web", "1.0.1"]);
    expect(await client.findBuildInformation(undefined, "Shop.Web", "1.0.2")).toBeUndefined();
    await client.close();
  });

  it("read each issue tracker's settings, or why they cannot be read", async () => {
    const client = await start({
      configuration: {
        "issuetracker-github": {
          IsEnabled: true,
          BaseUrl: "https://github.com",
          ReleaseNoteOptions: {
            Username: null,
            Password: { HasValue: false },
            ReleaseNotePrefix: "Release note:",
          },
        },
        "jira-integration": 403,
      },
    });
    expect(await client.readIssueTrackers()).toEqual({
      github: { IsEnabled: true, BaseUrl: "https://github.com", ReleaseNotePrefix: "Release note:" },
      jira: { unreadable: "the server answered HTTP 403 to GET /api/configuration/jira-integration/values" },
      azureDevOps: {
        unreadable:
          "the server answered HTTP 404 to GET /api/configuration/issuetracker-azuredevops-v2/values",
      },
    });
    await client.close();
  });

  it("give each pushed package the record Octopus answered with", async () => {
    const client = await start({});
    const summary = await client.pushToPackages({
      packages: [{ packageId: "Shop.Web", version: "2.0.0" }],
      buildInformation,
      overwriteMode: "FailIfExists",
    });
    expect(summary.results[0]?.record?.PackageId).toBe("Shop.Web");
    expect(summary.results[0]?.record?.Commits).toHaveLength(buildInformation.Commits.length);
    await client.close();
  });
});
