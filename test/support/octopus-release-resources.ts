import type { PendingExchange, RequestHookResult } from "@buildinfo/server";

// Projects, environments, releases, deployments and the issue trackers' settings, answered in the real API's
// shapes (docs/reference/octopus-release-notes.md#where-the-api-keeps-these) through the local server's
// beforeRequest hook, for `preview` tests until the local server serves these resources itself.

export interface ReleaseFixture {
  Id: string;
  Version: string;
  ReleaseNotes: string;
  ChannelId?: string;
  /** Each package's mapped build information, as `GET /api/{space}/releases/{id}` gives it. */
  BuildInformation: object[];
}

export interface ReleaseResourcesFixture {
  projects?: {
    Id: string;
    Name: string;
    ReleaseNotesTemplate?: string;
    DeploymentChangesTemplate?: string;
    releases?: ReleaseFixture[];
  }[];
  environments?: { Id: string; Name: string }[];
  /** Successful deployments, newest first. */
  deployments?: { Id: string; ProjectId: string; EnvironmentId: string; ReleaseId: string }[];
  /** `/api/configuration/{id}/values` by id; an id left out answers 404, `403` answers 403. */
  configuration?: Record<string, object | 403>;
}

const page = (items: object[]) => ({
  ItemType: "Item",
  TotalResults: items.length,
  ItemsPerPage: 30,
  NumberOfPages: 1,
  LastPageNumber: 0,
  Items: items,
});

/** A beforeRequest hook that answers those routes (space Spaces-1) and leaves the rest to the server. */
export function releaseResources(
  fixture: ReleaseResourcesFixture,
): (exchange: PendingExchange) => RequestHookResult {
  const projects = fixture.projects ?? [];
  const releases = projects.flatMap((project) =>
    (project.releases ?? []).map((release) => ({ ...release, ProjectId: project.Id })),
  );
  return ({ request, send }) => {
    if (request.method !== "GET") return undefined;
    const { path, query } = request;
    const reply = (body: object, status = 200) => {
      send({ status, body });
      return "handled" as const;
    };
    const notFound = () => reply({ ErrorMessage: "The resource was not found.", Errors: [] }, 404);
    const configuration = /^\/api\/configuration\/([\w-]+)\/values$/.exec(path);
    if (configuration) {
      const values = fixture.configuration?.[configuration[1]!];
      if (values === 403)
        return reply({ ErrorMessage: "You do not have permission: ConfigurationView", Errors: [] }, 403);
      return values === undefined ? notFound() : reply({ Id: configuration[1], ...values });
    }
    if (path === "/api/Spaces-1/projects") {
      const partial = (query.get("partialName") ?? "").toLowerCase();
      return reply(
        page(
          projects
            .filter((project) => project.Name.toLowerCase().includes(partial))
            .map((project) => ({
              Id: project.Id,
              Name: project.Name,
              SpaceId: "Spaces-1",
              IsVersionControlled: false,
              Links: {
                Self: `/api/Spaces-1/projects/${project.Id}`,
                DeploymentSettings: `/api/Spaces-1/projects/${project.Id}/deploymentsettings`,
              },
            })),
        ),
      );
    }
    const settings = /^\/api\/Spaces-1\/projects\/([\w-]+)\/deploymentsettings$/.exec(path);
    if (settings) {
      const project = projects.find((candidate) => candidate.Id === settings[1]);
      if (!project) return notFound();
      return reply({
        Id: `deploymentsettings-${project.Id}`,
        ProjectId: project.Id,
        SpaceId: "Spaces-1",
        ReleaseNotesTemplate: project.ReleaseNotesTemplate ?? null,
        DeploymentChangesTemplate: project.DeploymentChangesTemplate ?? null,
      });
    }
    const projectReleases = /^\/api\/Spaces-1\/projects\/([\w-]+)\/releases$/.exec(path);
    if (projectReleases) {
      const skip = Number(query.get("skip") ?? 0);
      const take = Number(query.get("take") ?? 30);
      const own = releases.filter((release) => release.ProjectId === projectReleases[1]);
      return reply(page(own.slice(skip, skip + take)));
    }
    const release = /^\/api\/Spaces-1\/releases\/([\w-]+)$/.exec(path);
    if (release) {
      const found = releases.find((candidate) => candidate.Id === release[1]);
      return found ? reply({ SpaceId: "Spaces-1", ...found }) : notFound();
    }
    if (path === "/api/Spaces-1/environments") {
      const partial = (query.get("partialName") ?? "").toLowerCase();
      return reply(
        page(
          (fixture.environments ?? []).filter((environment) =>
            environment.Name.toLowerCase().includes(partial),
          ),
        ),
      );
    }
    if (path === "/api/Spaces-1/deployments") {
      const matches = (fixture.deployments ?? []).filter(
        (deployment) =>
          (!query.get("projects") || query.get("projects") === deployment.ProjectId) &&
          (!query.get("environments") || query.get("environments") === deployment.EnvironmentId) &&
          query.get("taskState") === "Success",
      );
      return reply(page(matches.slice(0, Number(query.get("take") ?? 30))));
    }
    return undefined;
  };
}
