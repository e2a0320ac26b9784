import type { BuildInformation, OverwriteMode } from "@buildinfo/core";

/** A resource the scenario created, as the server answered. */
// biome-ignore lint/suspicious/noExplicitAny: tests read the server's answers as they come
export type Created = { Id: string; Name?: string; [field: string]: any };

/** A package a project's step deploys: its own step, `Deploy <PackageId>`, from the built-in feed unless named. */
export interface ScenarioPackage {
  /** The package id the step acquires. */
  packageId: string;
  /** The feed it comes from: `feeds-builtin` when absent. */
  feedId?: string;
}

/** The steps a test takes on the local server, each through its API; every call answers with what the server created. */
export interface OctopusScenario {
  /** One request with the server's API key; the answer's JSON, or an error with its status and body. */
  request(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<Created>;
  /** A new environment. */
  environment(name: string): Promise<Created>;
  /** A project whose steps deploy these packages (each its own step). */
  project(
    name: string,
    packages: (string | ScenarioPackage)[],
    options?: {
      tenantedDeploymentMode?: "Untenanted" | "TenantedOrUntenanted" | "Tenanted";
      /** Kept on the project, as older Octopus servers keep them. */
      releaseNotesTemplate?: string;
      deploymentChangesTemplate?: string;
    },
  ): Promise<Created>;
  /** A new channel of the project (not its default). */
  channel(project: Created, name: string): Promise<Created>;
  /** A new tenant, connected to each project (by id) in the environments given. */
  tenant(name: string, connections: Record<string, Created[]>): Promise<Created>;
  /** A new external feed (NuGet unless `feedType` is given). */
  feed(name: string, feedUri: string, feedType?: string): Promise<Created>;
  /** Build information for a package version, pushed as any client would. */
  pushBuildInformation(
    packageId: string,
    version: string,
    buildInformation: Partial<BuildInformation>,
    overwriteMode?: OverwriteMode,
  ): Promise<Created>;
  /** A release of every package of the project at one version (`version`), or at the versions given by package id. */
  release(
    project: Created,
    version: string,
    options?: { packages?: Record<string, string>; channel?: Created },
  ): Promise<Created>;
  /** A deployment of the release to the environment (for the tenant), its task run to success unless queued for later. */
  deploy(
    release: Created,
    environment: Created,
    options?: { tenant?: Created; queueTime?: Date },
  ): Promise<Created>;
  /**
   * Project `project` (its steps deploying the packages of `commits`) with release `version` (default
   * 1.0.0) deployed to a new environment `environment`, each package's build information naming its commit.
   */
  deployedRelease(options: {
    project: string;
    environment: string;
    commits: Record<string, string>;
    version?: string;
  }): Promise<{ project: Created; environment: Created; release: Created; deployment: Created }>;
  /** Cancels a deployment's task while it is queued. */
  cancel(deployment: Created): Promise<Created>;
  /** Uploads a package file to the built-in feed: `Acme.Web.1.2.3.zip`. */
  uploadPackage(fileName: string): Promise<Created>;
}

/** Sets up projects, releases and deployments on a local Octopus server through its API, as a user would. */
export function octopusScenario(
  server: { url: string; apiKey: string },
  spaceId = "Spaces-1",
): OctopusScenario {
  const api = `${server.url}/api/${spaceId}`;
  const stepOf = (packageId: string) => `Deploy ${packageId}`;
  const processes = new Map<string, ScenarioPackage[]>();

  async function send(
    method: string,
    url: string,
    body: string | undefined,
    type?: string,
  ): Promise<Created> {
    const headers: Record<string, string> = { "X-Octopus-ApiKey": server.apiKey };
    if (type !== undefined) headers["Content-Type"] = type;
    const response = await fetch(url, { method, headers, body: body ?? null });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
    return text === "" ? { Id: "" } : JSON.parse(text);
  }

  const request: OctopusScenario["request"] = (method, path, body) =>
    send(method, `${api}${path}`, body === undefined ? undefined : JSON.stringify(body), "application/json");

  const scenario: OctopusScenario = {
    request,
    environment: (name) => request("POST", "/environments", { Name: name }),
    async project(name, packages, options = {}) {
      const project = await request("POST", "/projects", {
        Name: name,
        TenantedDeploymentMode: options.tenantedDeploymentMode ?? "Untenanted",
        ReleaseNotesTemplate: options.releaseNotesTemplate,
        DeploymentChangesTemplate: options.deploymentChangesTemplate,
      });
      const entries = packages.map((entry) => (typeof entry === "string" ? { packageId: entry } : entry));
      processes.set(project.Id, entries);
      await request("PUT", `/projects/${project.Id}/deploymentprocesses`, {
        Steps: entries.map(({ packageId, feedId }) => ({
          Name: stepOf(packageId),
          Actions: [
            {
              Name: stepOf(packageId),
              Packages: [{ PackageId: packageId, FeedId: feedId ?? "feeds-builtin" }],
            },
          ],
        })),
      });
      return project;
    },
    channel: (project, name) => request("POST", "/channels", { ProjectId: project.Id, Name: name }),
    tenant: (name, connections) =>
      request("POST", "/tenants", {
        Name: name,
        ProjectEnvironments: Object.fromEntries(
          Object.entries(connections).map(([projectId, environments]) => [
            projectId,
            environments.map((e) => e.Id),
          ]),
        ),
      }),
    feed: (name, feedUri, feedType = "NuGet") =>
      request("POST", "/feeds", { Name: name, FeedType: feedType, FeedUri: feedUri }),
    pushBuildInformation: (packageId, version, buildInformation, overwriteMode = "FailIfExists") =>
      request("POST", "/build-information", {
        SpaceId: spaceId,
        PackageId: packageId,
        Version: version,
        OverwriteMode: overwriteMode,
        OctopusBuildInformation: { BuildEnvironment: "Scenario", Commits: [], ...buildInformation },
      }),
    release: (project, version, options = {}) =>
      request("POST", "/releases", {
        ProjectId: project.Id,
        ChannelId: options.channel?.Id,
        Version: version,
        SelectedPackages: (processes.get(project.Id) ?? []).map(({ packageId }) => ({
          ActionName: stepOf(packageId),
          Version: options.packages?.[packageId] ?? version,
        })),
      }),
    deploy: (release, environment, options = {}) =>
      request("POST", "/deployments", {
        ReleaseId: release.Id,
        EnvironmentId: environment.Id,
        TenantId: options.tenant?.Id,
        QueueTime: options.queueTime?.toISOString(),
      }),
    async deployedRelease({ project: name, environment: environmentName, commits, version = "1.0.0" }) {
      const environment = await scenario.environment(environmentName);
      const project = await scenario.project(name, Object.keys(commits));
      for (const [packageId, commit] of Object.entries(commits))
        await scenario.pushBuildInformation(packageId, version, { VcsType: "Git", VcsCommitNumber: commit });
      const release = await scenario.release(project, version);
      const deployment = await scenario.deploy(release, environment);
      return { project, environment, release, deployment };
    },
    cancel: (deployment) => send("POST", `${server.url}/api/tasks/${deployment.TaskId}/cancel`, undefined),
    uploadPackage(fileName) {
      const boundary = "buildinfo-scenario";
      const body =
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\nPK\r\n--${boundary}--\r\n`;
      return send("POST", `${api}/packages/raw`, body, `multipart/form-data; boundary=${boundary}`);
    },
  };
  return scenario;
}
