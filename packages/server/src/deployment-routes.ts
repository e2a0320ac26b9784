import type { WorkItemLink } from "./build-information-store";
import { deploymentChangesMarkdown } from "./changes-markdown";
import type { DeployContext, SpaceCall } from "./deploy-context";
import type {
  CommitDetails,
  DeploymentResource,
  ReleaseChanges,
  ReleaseResource,
  StoredTask,
  TaskState,
} from "./deploy-resources";
import { bindString, parseObjectBody, queryValue } from "./model-binding";
import { badRequest, notFound, type ServerReply } from "./octopus-resources";
import type { RecordedRequest } from "./octopus-server";
import { compareOctopusVersions } from "./octopus-versions";
import { pageReply } from "./paging";
import { listParameter, matchesAny } from "./resource-query";

const taskStates: TaskState[] = [
  "Queued",
  "Executing",
  "Success",
  "Failed",
  "Canceled",
  "Cancelling",
  "TimedOut",
];

/**
 * A deployment task's state when it is read. The local server deploys nothing: a task is `Queued` until its
 * `QueueTime`, then `Success`, unless it was cancelled first (`POST /api/tasks/{id}/cancel`).
 */
export function taskState(task: StoredTask): TaskState {
  if (task.Canceled) return "Canceled";
  return Date.parse(task.QueueTime) > Date.now() ? "Queued" : "Success";
}

function taskResource(task: StoredTask): object {
  const state = taskState(task);
  const completed = state === "Success" || state === "Canceled";
  return {
    Id: task.Id,
    SpaceId: task.SpaceId,
    Name: task.Name,
    Description: task.Description,
    Arguments: task.Arguments,
    State: state,
    QueueTime: task.QueueTime,
    StartTime: state === "Success" ? task.QueueTime : null,
    CompletedTime: completed ? task.QueueTime : null,
    IsCompleted: completed,
    FinishedSuccessfully: state === "Success",
    HasBeenPickedUpByProcessor: state === "Success",
    HasPendingInterruptions: false,
    HasWarningsOrErrors: false,
    ErrorMessage: state === "Canceled" ? "The task was canceled." : "",
    Links: { Self: `/api/tasks/${task.Id}`, Web: `/app#/${task.SpaceId}/tasks/${task.Id}` },
  };
}

/** `/api/tasks/{id}` and `POST /api/tasks/{id}/cancel`: the deployments' server tasks, in every space. */
export function taskRoutes(
  context: DeployContext,
  request: RecordedRequest,
  segments: string[],
): ServerReply {
  const [id, action, ...beyond] = segments;
  const task = context.store.data.tasks.find((candidate) => candidate.Id.toLowerCase() === id?.toLowerCase());
  if (!task || beyond.length > 0) return notFound;
  if (action === undefined && request.method === "GET") return { status: 200, body: taskResource(task) };
  if (action?.toLowerCase() !== "cancel" || request.method !== "POST") return notFound;
  if (taskState(task) !== "Queued") return badRequest([`The task ${task.Id} has already finished.`]);
  task.Canceled = true;
  context.store.changed();
  return { status: 200, body: taskResource(task) };
}

/** `/deployments`: the list with Octopus's filters, one deployment, and a new deployment of a release. */
export function deploymentRoutes(context: DeployContext, call: SpaceCall): ServerReply | undefined {
  const [resource = "", id, ...beyond] = call.segments;
  if (resource.toLowerCase() !== "deployments" || beyond.length > 0) return undefined;
  const { request, space } = call;
  const { store } = context;
  if (id !== undefined) {
    if (request.method !== "GET") return undefined;
    const deployment = store.byId(store.data.deployments, space.Id, id);
    return deployment ? { status: 200, body: deployment } : notFound;
  }
  if (request.method === "POST") return createDeployment(context, call);
  if (request.method !== "GET") return undefined;
  const stateText = queryValue(request.query, "taskState");
  const state = taskStates.find((candidate) => candidate.toLowerCase() === stateText?.toLowerCase());
  if (stateText && !state) return badRequest([`The value '${stateText}' is not valid for taskState.`]);
  const filters = ["ids", "projects", "environments", "tenants", "channels"].map((name) =>
    listParameter(request.query, name),
  );
  const [ids, projects, environments, tenants, channels] = filters;
  const partialName = queryValue(request.query, "partialName")?.toLowerCase() ?? "";
  const matching = store
    .inSpace(store.data.deployments, space.Id)
    .filter(
      (deployment) =>
        matchesAny(ids, deployment.Id) &&
        matchesAny(projects, deployment.ProjectId) &&
        matchesAny(environments, deployment.EnvironmentId) &&
        matchesAny(tenants, deployment.TenantId) &&
        matchesAny(channels, deployment.ChannelId) &&
        deployment.Name.toLowerCase().includes(partialName) &&
        (!state || taskState(taskOf(context, deployment)) === state),
    )
    // Newest first, as Octopus lists deployments (the order octo's `list-deployments --number` relies on).
    .reverse();
  return pageReply(
    request,
    "Deployment",
    matching,
    `/api/${space.Id}/deployments{/id}{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}`,
  );
}

function taskOf(context: DeployContext, deployment: DeploymentResource): StoredTask {
  return context.store.data.tasks.find((task) => task.Id === deployment.TaskId)!;
}

function createDeployment(context: DeployContext, call: SpaceCall): ServerReply {
  const { store } = context;
  const { space, request } = call;
  const parsed = parseObjectBody(request.body);
  if ("error" in parsed) return badRequest([parsed.error]);
  const errors: string[] = [];
  const releaseId = bindString(parsed.body, "ReleaseId", errors) ?? "";
  const environmentId = bindString(parsed.body, "EnvironmentId", errors) ?? "";
  const tenantId = bindString(parsed.body, "TenantId", errors) || null;
  const queueTimeText = bindString(parsed.body, "QueueTime", errors);
  const release = store.byId(store.data.releases, space.Id, releaseId);
  const environment = store.byId(store.data.environments, space.Id, environmentId);
  if (!release) errors.push(`The release '${releaseId}' does not exist in this space.`);
  if (!environment) errors.push(`The environment '${environmentId}' does not exist in this space.`);
  const queueTime = queueTimeText ? Date.parse(queueTimeText) : Date.now();
  if (Number.isNaN(queueTime)) errors.push(`The QueueTime '${queueTimeText}' is not a date and time.`);
  if (errors.length > 0 || !release || !environment) return badRequest(errors);
  const project = store.byId(store.data.projects, space.Id, release.ProjectId)!;
  const tenant = tenantId ? store.byId(store.data.tenants, space.Id, tenantId) : undefined;
  if (tenantId && !tenant) errors.push(`The tenant '${tenantId}' does not exist in this space.`);
  if (!tenantId && project.TenantedDeploymentMode === "Tenanted")
    errors.push(`Project ${project.Name} deploys to tenants only: please choose a tenant.`);
  if (tenantId && project.TenantedDeploymentMode === "Untenanted")
    errors.push(`Project ${project.Name} does not deploy to tenants.`);
  const connected = Object.entries(tenant?.ProjectEnvironments ?? {}).find(([id]) => id === project.Id)?.[1];
  if (tenant && !connected?.includes(environment.Id))
    errors.push(
      `Tenant ${tenant.Name} is not connected to project ${project.Name} in environment ${environment.Name}.`,
    );
  if (errors.length > 0) return badRequest(errors);

  const changes = changesOf(context, release, environment.Id, tenant?.Id ?? null);
  const id = store.nextId("Deployments-");
  const taskId = store.nextId("ServerTasks-");
  const created = context.clock.now();
  const name = `Deploy to ${environment.Name}${tenant ? ` for ${tenant.Name}` : ""}`;
  store.data.tasks.push({
    Id: taskId,
    SpaceId: space.Id,
    Name: "Deploy",
    Description: `Deploy ${project.Name} release ${release.Version} to ${environment.Name}`,
    QueueTime: new Date(Math.max(queueTime, Date.parse(created))).toISOString().replace("Z", "+00:00"),
    Canceled: false,
    Arguments: { DeploymentId: id },
  });
  const deployment: DeploymentResource = {
    Id: id,
    SpaceId: space.Id,
    Name: name,
    Created: created,
    ProjectId: project.Id,
    ReleaseId: release.Id,
    ChannelId: release.ChannelId,
    EnvironmentId: environment.Id,
    TenantId: tenant?.Id ?? null,
    TaskId: taskId,
    DeploymentProcessId: release.ProjectDeploymentProcessSnapshotId,
    Comments: bindString(parsed.body, "Comments", errors),
    QueueTime: queueTimeText,
    DeployedBy: context.user,
    Changes: changes,
    ChangesMarkdown: deploymentChangesMarkdown(project, environment, release, changes).output,
    Links: {
      Self: `/api/${space.Id}/deployments/${id}`,
      Release: release.Links.Self!,
      Environment: environment.Links.Self!,
      Project: project.Links.Self!,
      Task: `/api/tasks/${taskId}`,
      Web: `/app#/${space.Id}/deployments/${id}`,
    },
  };
  store.data.deployments.push(deployment);
  store.changed();
  return { status: 201, body: deployment };
}

const isPreRelease = (version: string) => /^[^+]*-/.test(version);

/**
 * What this deployment brings (docs/reference/octopus-deployments-api.md#deployment-changes): a pre-release
 * brings itself alone; a full release brings every full release of its channel after the full release last
 * deployed successfully to the same environment (and tenant), up to itself, by version and oldest first.
 */
export function changesOf(
  context: DeployContext,
  release: ReleaseResource,
  environmentId: string,
  tenantId: string | null,
): ReleaseChanges[] {
  const { store } = context;
  if (isPreRelease(release.Version)) return [releaseChanges(release)];
  const previous = store
    .inSpace(store.data.deployments, release.SpaceId)
    .filter(
      (deployment) =>
        deployment.ProjectId === release.ProjectId &&
        deployment.ChannelId === release.ChannelId &&
        deployment.EnvironmentId === environmentId &&
        deployment.TenantId === tenantId &&
        taskState(taskOf(context, deployment)) === "Success",
    )
    .map((deployment) => store.byId(store.data.releases, release.SpaceId, deployment.ReleaseId)!)
    .filter((deployed) => !isPreRelease(deployed.Version))
    .at(-1);
  const since = previous?.Version;
  return store
    .inSpace(store.data.releases, release.SpaceId)
    .filter(
      (candidate) =>
        candidate.ProjectId === release.ProjectId &&
        candidate.ChannelId === release.ChannelId &&
        !isPreRelease(candidate.Version) &&
        compareOctopusVersions(candidate.Version, release.Version) <= 0 &&
        (since === undefined || compareOctopusVersions(candidate.Version, since) > 0),
    )
    .sort((left, right) => compareOctopusVersions(left.Version, right.Version))
    .map(releaseChanges);
}

function releaseChanges(release: ReleaseResource): ReleaseChanges {
  const workItems = new Map<string, WorkItemLink>();
  const commits: CommitDetails[] = [];
  for (const build of release.BuildInformation) {
    for (const item of build.WorkItems) {
      if (!workItems.has(item.Id.toUpperCase())) workItems.set(item.Id.toUpperCase(), item);
    }
    commits.push(...build.Commits);
  }
  return {
    Version: release.Version,
    ReleaseNotes: release.ReleaseNotes,
    BuildInformation: release.BuildInformation,
    WorkItems: [...workItems.values()],
    Commits: commits,
  };
}
