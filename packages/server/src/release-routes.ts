import type { StoredBuildInformation } from "./build-information-store";
import type { DeployContext, SpaceCall } from "./deploy-context";
import type {
  DeploymentProcessResource,
  ProjectResource,
  ReleaseBuildInformation,
  ReleaseResource,
  SelectedPackage,
} from "./deploy-resources";
import { findPackageReference, packageReferences } from "./deployment-process";
import { bindString, field, isObject, parseObjectBody, queryValue } from "./model-binding";
import { badRequest, notFound, type ServerReply } from "./octopus-resources";
import { compareOctopusVersions, isValidOctopusVersion } from "./octopus-versions";
import { pageReply } from "./paging";
import { findChannel, findProject } from "./project-routes";
import { listParameter, matchesAny } from "./resource-query";

/** Releases: `/releases`, `/releases/{id}`, `/releases/{id}/deployments` and a project's `/projects/{id}/releases`. */
export function releaseRoutes(context: DeployContext, call: SpaceCall): ServerReply | undefined {
  const [resource = "", id, sub, version, ...beyond] = call.segments;
  const { request, space } = call;
  const { store } = context;
  const kind = resource.toLowerCase();
  if (kind === "projects" && id !== undefined && sub?.toLowerCase() === "releases" && beyond.length === 0) {
    if (request.method !== "GET") return undefined;
    const project = findProject(context, space.Id, id);
    if (!project) return notFound;
    const own = newestFirst(
      store.inSpace(store.data.releases, space.Id).filter((r) => r.ProjectId === project.Id),
    );
    if (version !== undefined) {
      const found = own.find((release) => release.Version.toLowerCase() === version.toLowerCase());
      return found ? { status: 200, body: found } : notFound;
    }
    const search = queryValue(request.query, "searchByVersion")?.toLowerCase() ?? "";
    return pageReply(
      request,
      "Release",
      own.filter((release) => release.Version.toLowerCase().includes(search)),
      `/api/${space.Id}/projects/${project.Id}/releases{/version}{?skip,take,searchByVersion}`,
    );
  }
  if (kind !== "releases" || version !== undefined) return undefined;
  if (id === undefined) {
    if (request.method === "POST") return createRelease(context, call);
    if (request.method !== "GET") return undefined;
    const ids = listParameter(request.query, "ids");
    return pageReply(
      request,
      "Release",
      newestFirst(
        store.inSpace(store.data.releases, space.Id).filter((release) => matchesAny(ids, release.Id)),
      ),
      `/api/${space.Id}/releases{/id}{?skip,ignoreChannelRules,take,ids}`,
    );
  }
  const release = store.byId(store.data.releases, space.Id, id);
  if (request.method !== "GET") return undefined;
  if (!release) return notFound;
  if (sub === undefined) return { status: 200, body: release };
  if (sub.toLowerCase() !== "deployments") return notFound;
  return pageReply(
    request,
    "Deployment",
    store
      .inSpace(store.data.deployments, space.Id)
      .filter((deployment) => deployment.ReleaseId === release.Id)
      .reverse(),
    `/api/${space.Id}/releases/${release.Id}/deployments{?skip,take}`,
  );
}

/** Releases as Octopus lists them: the most recently assembled first. */
function newestFirst(releases: ReleaseResource[]): ReleaseResource[] {
  return [...releases].reverse();
}

function bindSelectedPackages(value: unknown, errors: string[]): SelectedPackage[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push("SelectedPackages must be an array.");
    return [];
  }
  return value.filter(isObject).map((entry) => ({
    ActionName: bindString(entry, "ActionName", errors) ?? bindString(entry, "StepName", errors) ?? "",
    PackageReferenceName: bindString(entry, "PackageReferenceName", errors),
    Version: bindString(entry, "Version", errors) ?? "",
  }));
}

function createRelease(context: DeployContext, call: SpaceCall): ServerReply {
  const { store } = context;
  const { space, request } = call;
  const parsed = parseObjectBody(request.body);
  if ("error" in parsed) return badRequest([parsed.error]);
  const { body } = parsed;
  const errors: string[] = [];
  const projectId = bindString(body, "ProjectId", errors) ?? "";
  const project = store.byId(store.data.projects, space.Id, projectId);
  if (!project) return badRequest([`The project '${projectId}' does not exist in this space.`]);
  const channelId = bindString(body, "ChannelId", errors) ?? undefined;
  const channel = findChannel(context, project, channelId);
  if (!channel || (channelId !== undefined && channel.Id.toLowerCase() !== channelId.toLowerCase()))
    errors.push(`The channel '${channelId}' does not belong to project ${project.Name}.`);
  const version = (bindString(body, "Version", errors) ?? "").trim();
  if (!isValidOctopusVersion(version))
    errors.push(`'${version}' is not a valid version string. Please supply a valid semantic version.`);
  const taken = store
    .inSpace(store.data.releases, space.Id)
    .some(
      (release) => release.ProjectId === project.Id && compareOctopusVersions(release.Version, version) === 0,
    );
  if (taken) errors.push(`A release with the version ${version} already exists for project ${project.Name}.`);
  const selected = bindSelectedPackages(field(body, "SelectedPackages"), errors);
  const process = store.byId(store.data.processes, space.Id, project.DeploymentProcessId)!;
  errors.push(...selectionProblems(process, selected));
  if (errors.length > 0 || !channel) return badRequest(errors);

  const snapshot = snapshotOf(context, process);
  const id = store.nextId("Releases-");
  const release: ReleaseResource = {
    Id: id,
    SpaceId: space.Id,
    ProjectId: project.Id,
    ChannelId: channel.Id,
    Version: version,
    ReleaseNotes: bindString(body, "ReleaseNotes", errors) ?? "",
    Assembled: context.clock.now(),
    IgnoreChannelRules: field(body, "IgnoreChannelRules") === true,
    ProjectDeploymentProcessSnapshotId: snapshot.Id,
    ProjectVariableSetSnapshotId: `variableset-${project.Id}-s-0-${id}`,
    LibraryVariableSetSnapshotIds: [],
    SelectedPackages: selected,
    SelectedGitResources: [],
    BuildInformation: captureBuildInformation(context, project, snapshot, selected),
    Links: {
      Self: `/api/${space.Id}/releases/${id}`,
      Project: project.Links.Self!,
      Channel: channel.Links.Self!,
      Deployments: `/api/${space.Id}/releases/${id}/deployments{?skip,take}`,
      ProjectDeploymentProcessSnapshot: `/api/${space.Id}/deploymentprocesses/${snapshot.Id}`,
      Web: `/app#/${space.Id}/releases/${id}`,
    },
  };
  store.data.releases.push(release);
  store.changed();
  return { status: 201, body: release };
}

/** Every package the process acquires needs exactly one version; a selection must name one of them. */
function selectionProblems(process: DeploymentProcessResource, selected: SelectedPackage[]): string[] {
  const problems: string[] = [];
  for (const selection of selected) {
    if (!findPackageReference(process.Steps, selection.ActionName, selection.PackageReferenceName))
      problems.push(
        `The process has no package '${selection.PackageReferenceName ?? ""}' in step '${selection.ActionName}'.`,
      );
    else if (!isValidOctopusVersion(selection.Version))
      problems.push(
        `'${selection.Version}' is not a valid version for the package of step '${selection.ActionName}'.`,
      );
  }
  for (const { action, reference } of packageReferences(process.Steps)) {
    const chosen = selected.some(
      (selection) =>
        selection.ActionName.toLowerCase() === action.Name.toLowerCase() &&
        (selection.PackageReferenceName ?? "").toLowerCase() === reference.Name.toLowerCase(),
    );
    if (!chosen)
      problems.push(`Please select a version for package ${reference.PackageId} of step '${action.Name}'.`);
  }
  return problems;
}

/** The frozen process a release refers to: a new snapshot when the process changed since the last one. */
function snapshotOf(context: DeployContext, process: DeploymentProcessResource): DeploymentProcessResource {
  const { store } = context;
  const last = process.LastSnapshotId
    ? store.byId(store.data.snapshots, process.SpaceId, process.LastSnapshotId)
    : undefined;
  if (last && last.Version === process.Version) return last;
  const number = store.nextId("snapshot-").slice("snapshot-".length);
  const id = `${process.Id}-s-${process.Version}-${Number(number).toString(36).toUpperCase().padStart(5, "0")}`;
  const snapshot: DeploymentProcessResource = {
    ...structuredClone(process),
    Id: id,
    LastSnapshotId: null,
    Links: { Self: `/api/${process.SpaceId}/deploymentprocesses/${id}` },
  };
  store.data.snapshots.push(snapshot);
  process.LastSnapshotId = id;
  return snapshot;
}

/**
 * The build information a release keeps: captured now, from the records of its packages' ids and versions
 * as they are at this moment (ids compared regardless of case, OctopusDeploy/Issues#5868); a record pushed
 * or replaced later does not change the release. Packages whose id is a variable expression (dynamic
 * packages) have none. docs/reference/octopus-deployments-api.md#build-information-of-a-release
 */
function captureBuildInformation(
  context: DeployContext,
  project: ProjectResource,
  snapshot: DeploymentProcessResource,
  selected: SelectedPackage[],
): ReleaseBuildInformation[] {
  const records = new Map<string, StoredBuildInformation>();
  for (const selection of selected) {
    const reference = findPackageReference(
      snapshot.Steps,
      selection.ActionName,
      selection.PackageReferenceName,
    );
    if (!reference || reference.PackageId.includes("#{")) continue;
    const record = context.records.find(project.SpaceId, reference.PackageId, selection.Version);
    if (record) records.set(record.Id, record);
  }
  return [...records.values()].map(releaseBuildInformation);
}

function releaseBuildInformation(record: StoredBuildInformation): ReleaseBuildInformation {
  return structuredClone({
    PackageId: record.PackageId,
    Version: record.Version,
    BuildEnvironment: record.BuildEnvironment,
    BuildNumber: record.BuildNumber,
    BuildUrl: record.BuildUrl,
    Branch: record.Branch,
    VcsType: record.VcsType,
    VcsRoot: record.VcsRoot,
    VcsCommitNumber: record.VcsCommitNumber,
    VcsCommitUrl: record.VcsCommitUrl,
    IssueTrackerName: record.IssueTrackerName,
    WorkItems: record.WorkItems,
    Commits: record.Commits,
  });
}
