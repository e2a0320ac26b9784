import { BuildInfoError } from "@buildinfo/core";
import type { ApiCaller } from "./api-caller";
import { parseJson, parsePage, parseResource, responseError } from "./response-errors";
import { serverText } from "./server-value";
import type { SpaceResolver } from "./spaces";
import type { BuildInformationRecord, SpaceInput } from "./types";

// What `buildinfo preview` reads about projects, releases and deployments, and the issue trackers'
// settings: the real API's requests and shapes (docs/reference/octopus-release-notes.md#where-the-api-keeps-these).

/** A project and its release notes and deployment changes templates (empty when it has none). */
export interface ProjectTemplates {
  Id: string;
  Name: string;
  ReleaseNotesTemplate: string;
  DeploymentChangesTemplate: string;
}

export interface NamedRef {
  Id: string;
  Name: string;
}

/** `ReleaseResource`: its version, notes and each package's mapped build information. */
export interface ReleaseRecord {
  Id: string;
  Version: string;
  ReleaseNotes: string;
  ChannelId?: string;
  BuildInformation: BuildInformationRecord[];
}

/** One issue tracker's settings as `GET /api/configuration/{id}/values` gives them (secrets never). */
export interface IssueTrackerSettings {
  IsEnabled: boolean;
  BaseUrl?: string;
  ReleaseNotePrefix?: string;
}

/** Each tracker's settings, or `unreadable` with the reason (a key without ConfigurationView, say). */
export interface ServerIssueTrackers {
  github: IssueTrackerSettings | { unreadable: string };
  jira: IssueTrackerSettings | { unreadable: string };
  azureDevOps:
    | (IssueTrackerSettings & { Connections: { BaseUrl: string; ReleaseNotePrefix?: string }[] })
    | {
        unreadable: string;
      };
}

/** How many releases of a project are read to find those since a deployment: 30 pages of 100. */
const maxReleasesRead = 3000;

export function createReleaseReads(api: ApiCaller, spaces: SpaceResolver) {
  async function getJson(path: string, doing: string, permission: string, query = {}) {
    const { response, attempts } = await api.call({ method: "GET", path, query, doing });
    const context = api.errorContext(doing, permission, attempts);
    return { response, context, ok: response.status >= 200 && response.status <= 299 };
  }

  /** A project or an environment by its exact name (case-insensitive when no exact match). */
  async function findNamed(space: SpaceInput, collection: "projects" | "environments", name: string) {
    const { Id: spaceId } = await spaces.resolve(space);
    const what = collection === "projects" ? "project" : "environment";
    const doing = `finding the ${what} "${name}" in space ${spaceId}`;
    const permission = collection === "projects" ? "ProjectView" : "EnvironmentView";
    const { response, context, ok } = await getJson(`/api/${spaceId}/${collection}`, doing, permission, {
      partialName: name,
      take: 2147483647,
    });
    if (!ok) throw responseError(response, context);
    const items = parsePage<{ Id: string; Name?: unknown }>(response, context, `${collection}`).Items;
    const named = items.map((item) => ({ item, name: serverText(item.Name) ?? "" }));
    const found =
      named.find((entry) => entry.name === name) ??
      named.find((entry) => entry.name.toLowerCase() === name.toLowerCase());
    if (found === undefined) {
      throw new BuildInfoError(
        collection === "projects" ? "E_PROJECT_NOT_FOUND" : "E_ENVIRONMENT_NOT_FOUND",
        `There is no ${what} named "${name}" in space ${spaceId} on ${api.server}.` +
          (named.length > 0
            ? ` Similar: ${named
                .slice(0, 10)
                .map((entry) => entry.name)
                .join(", ")}.`
            : ""),
        {
          source: `--${what}`,
          hint: `Pass the ${what}'s name as Octopus shows it (in the space of --space).`,
        },
      );
    }
    return { spaceId, item: found.item as Record<string, unknown> & { Id: string }, name: found.name };
  }

  return {
    async findProject(space: SpaceInput, name: string): Promise<ProjectTemplates> {
      const { spaceId, item, name: found } = await findNamed(space, "projects", name);
      const settings = await deploymentSettings(spaceId, item);
      const text = (field: string) => serverText(settings?.[field]) ?? serverText(item[field]) ?? "";
      return {
        Id: item.Id,
        Name: found,
        ReleaseNotesTemplate: text("ReleaseNotesTemplate"),
        DeploymentChangesTemplate: text("DeploymentChangesTemplate"),
      };
    },

    async findEnvironment(space: SpaceInput, name: string): Promise<NamedRef> {
      const { item, name: found } = await findNamed(space, "environments", name);
      return { Id: item.Id, Name: found };
    },

    /** The release of the newest successful deployment of the project to the environment, if any. */
    async lastDeployedRelease(space: SpaceInput, projectId: string, environmentId: string) {
      const { Id: spaceId } = await spaces.resolve(space);
      const doing = `finding the last successful deployment of ${projectId} to ${environmentId}`;
      const { response, context, ok } = await getJson(
        `/api/${spaceId}/deployments`,
        doing,
        "DeploymentView",
        {
          projects: projectId,
          environments: environmentId,
          taskState: "Success",
          take: 1,
        },
      );
      if (!ok) throw responseError(response, context);
      const [latest] = parsePage<{ Id: string; ReleaseId?: unknown }>(response, context, "deployments").Items;
      const releaseId = serverText(latest?.ReleaseId);
      return releaseId === undefined ? undefined : getRelease(spaceId, releaseId);
    },

    /** The project's releases, newest first, as many as `maxReleasesRead`. */
    async listReleases(space: SpaceInput, projectId: string): Promise<ReleaseRecord[]> {
      const { Id: spaceId } = await spaces.resolve(space);
      const releases: ReleaseRecord[] = [];
      const take = 100;
      for (let skip = 0; skip < maxReleasesRead; skip += take) {
        const doing = `listing the releases of ${projectId}`;
        const { response, context, ok } = await getJson(
          `/api/${spaceId}/projects/${encodeURIComponent(projectId)}/releases`,
          doing,
          "ReleaseView",
          { skip, take },
        );
        if (!ok) throw responseError(response, context);
        const page = parsePage<{ Id: string }>(response, context, "releases").Items;
        releases.push(...page.map(releaseOf));
        if (page.length < take) break;
      }
      return releases;
    },

    /** The stored record of one package version, or undefined when there is none. */
    async findBuildInformation(space: SpaceInput, packageId: string, version: string) {
      const { Id: spaceId } = await spaces.resolve(space);
      const doing = `reading the build information of ${packageId} ${version}`;
      const { response, context, ok } = await getJson(
        `/api/${spaceId}/build-information`,
        doing,
        "BuildInformationView",
        // Octopus refuses packageId with filter: the version is the filter, the package is found here.
        { filter: version, take: 2147483647 },
      );
      if (!ok) throw responseError(response, context);
      return parsePage<BuildInformationRecord>(response, context, "build information").Items.find(
        (record) =>
          serverText(record.PackageId)?.toLowerCase() === packageId.toLowerCase() &&
          serverText(record.Version)?.toLowerCase() === version.toLowerCase(),
      );
    },

    async readIssueTrackers(): Promise<ServerIssueTrackers> {
      const [github, jira, azureDevOps] = await Promise.all([
        configurationValues("issuetracker-github"),
        configurationValues("jira-integration"),
        configurationValues("issuetracker-azuredevops-v2"),
      ]);
      return {
        github: "unreadable" in github ? github : trackerSettings(github.values),
        jira: "unreadable" in jira ? jira : trackerSettings(jira.values),
        azureDevOps:
          "unreadable" in azureDevOps
            ? azureDevOps
            : {
                ...trackerSettings(azureDevOps.values),
                Connections: connectionsOf(azureDevOps.values.Connections),
              },
      };
    },
  };

  async function getRelease(spaceId: string, releaseId: string): Promise<ReleaseRecord> {
    const doing = `reading release ${releaseId}`;
    const { response, context, ok } = await getJson(
      `/api/${spaceId}/releases/${encodeURIComponent(releaseId)}`,
      doing,
      "ReleaseView",
    );
    if (!ok) throw responseError(response, context);
    return releaseOf(parseResource<{ Id: string }>(response, context, "a release"));
  }

  async function configurationValues(
    id: string,
  ): Promise<{ values: Record<string, unknown> } | { unreadable: string }> {
    const doing = `reading the ${id} settings`;
    const { response, context, ok } = await getJson(
      `/api/configuration/${id}/values`,
      doing,
      "ConfigurationView",
    );
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      return {
        unreadable: `the server answered HTTP ${response.status} to GET /api/configuration/${id}/values`,
      };
    }
    if (!ok) throw responseError(response, context);
    const value = parseJson<unknown>(response, context);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return { unreadable: `GET /api/configuration/${id}/values did not answer with an object` };
    return { values: value as Record<string, unknown> };
  }

  async function deploymentSettings(spaceId: string, project: Record<string, unknown> & { Id: string }) {
    const links = project.Links as Record<string, unknown> | undefined;
    if (serverText(links?.DeploymentSettings) === undefined) return undefined;
    const persistence = project.PersistenceSettings as Record<string, unknown> | undefined;
    const branch = project.IsVersionControlled === true ? serverText(persistence?.DefaultBranch) : undefined;
    const gitRef = branch === undefined ? "" : `/${encodeURIComponent(`refs/heads/${branch}`)}`;
    const doing = `reading the deployment settings of ${project.Id}`;
    const { response, context, ok } = await getJson(
      `/api/${spaceId}/projects/${encodeURIComponent(project.Id)}${gitRef}/deploymentsettings`,
      doing,
      "ProjectView",
    );
    if (!ok) throw responseError(response, context);
    return parseJson<Record<string, unknown>>(response, context);
  }
}

function trackerSettings(values: Record<string, unknown>): IssueTrackerSettings {
  const baseUrl = serverText(values.BaseUrl);
  return {
    IsEnabled: values.IsEnabled === true,
    ...(baseUrl === undefined ? {} : { BaseUrl: baseUrl }),
    ...releaseNotePrefixOf(values),
  };
}

function connectionsOf(value: unknown): { BaseUrl: string; ReleaseNotePrefix?: string }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> => typeof entry === "object" && entry !== null)
    .map((connection) => ({
      BaseUrl: serverText(connection.BaseUrl) ?? "",
      ...releaseNotePrefixOf(connection),
    }));
}

function releaseNotePrefixOf(values: Record<string, unknown> | undefined): { ReleaseNotePrefix?: string } {
  const options = values?.ReleaseNoteOptions as Record<string, unknown> | undefined;
  const prefix = serverText(options?.ReleaseNotePrefix);
  return prefix === undefined || prefix.trim() === "" ? {} : { ReleaseNotePrefix: prefix };
}

function releaseOf(resource: { Id: string } & Record<string, unknown>): ReleaseRecord {
  const channelId = serverText(resource.ChannelId);
  return {
    Id: resource.Id,
    Version: serverText(resource.Version) ?? "",
    ReleaseNotes: serverText(resource.ReleaseNotes) ?? "",
    ...(channelId === undefined ? {} : { ChannelId: channelId }),
    BuildInformation: Array.isArray(resource.BuildInformation)
      ? (resource.BuildInformation.filter(
          (entry) => typeof entry === "object" && entry !== null,
        ) as BuildInformationRecord[])
      : [],
  };
}
