import type { DeployContext, SpaceCall } from "./deploy-context";
import type {
  ChannelResource,
  DeploymentProcessResource,
  ProjectResource,
  TenantedDeploymentMode,
} from "./deploy-resources";
import { bindSteps } from "./deployment-process";
import { bindString, field, parseObjectBody } from "./model-binding";
import { badRequest, notFound, type ServerReply } from "./octopus-resources";
import { pageReply } from "./paging";
import { filterNamed } from "./resource-query";

const tenantedModes: TenantedDeploymentMode[] = ["Untenanted", "TenantedOrUntenanted", "Tenanted"];

/** `Acme Web` → `acme-web`, as Octopus derives slugs. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Projects, their channels and deployment processes (and release snapshots of those processes). */
export function projectRoutes(context: DeployContext, call: SpaceCall): ServerReply | undefined {
  const [resource = "", id, sub, ...beyond] = call.segments;
  const kind = resource.toLowerCase();
  if (kind === "projects") return projects(context, call, id, sub, beyond);
  if (kind === "channels" && sub === undefined) return channels(context, call, id);
  if (kind === "deploymentprocesses" && id !== undefined && sub === undefined)
    return processById(context, call, id);
  return undefined;
}

/** A project by id or slug. */
export function findProject(
  context: DeployContext,
  spaceId: string,
  idOrSlug: string,
): ProjectResource | undefined {
  const { store } = context;
  return (
    store.byId(store.data.projects, spaceId, idOrSlug) ??
    store.inSpace(store.data.projects, spaceId).find((project) => project.Slug === idOrSlug.toLowerCase())
  );
}

function projects(
  context: DeployContext,
  call: SpaceCall,
  id: string | undefined,
  sub: string | undefined,
  beyond: string[],
): ServerReply | undefined {
  const { store } = context;
  const { request, space } = call;
  if (id === undefined) {
    if (request.method === "POST") return createProject(context, call);
    if (request.method !== "GET") return undefined;
    return pageReply(
      request,
      "Project",
      filterNamed(store.inSpace(store.data.projects, space.Id), request.query),
      `/api/${space.Id}/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}`,
    );
  }
  const project = findProject(context, space.Id, id);
  if (!project || beyond.length > 0) return notFound;
  if (sub === undefined) return request.method === "GET" ? { status: 200, body: project } : undefined;
  const part = sub.toLowerCase();
  if (part === "channels" && request.method === "GET") {
    return pageReply(
      request,
      "Channel",
      filterNamed(
        store.inSpace(store.data.channels, space.Id).filter((channel) => channel.ProjectId === project.Id),
        request.query,
      ),
      `/api/${space.Id}/projects/${project.Id}/channels{?skip,take,partialName}`,
    );
  }
  if (part === "deploymentprocesses") {
    const process = store.byId(store.data.processes, space.Id, project.DeploymentProcessId);
    if (!process) return notFound;
    if (request.method === "GET") return { status: 200, body: process };
    if (request.method === "PUT") return updateProcess(context, call, process);
  }
  return undefined;
}

function createProject(context: DeployContext, call: SpaceCall): ServerReply {
  const { store } = context;
  const { space, request } = call;
  const parsed = parseObjectBody(request.body);
  if ("error" in parsed) return badRequest([parsed.error]);
  const errors: string[] = [];
  const name = (bindString(parsed.body, "Name", errors) ?? "").trim();
  if (name === "") errors.push("Please provide a name for the project.");
  const taken = store
    .inSpace(store.data.projects, space.Id)
    .some((project) => project.Name.toLowerCase() === name.toLowerCase());
  if (name !== "" && taken) errors.push(`A project with the name '${name}' already exists in this space.`);
  const modeText = bindString(parsed.body, "TenantedDeploymentMode", errors) ?? "Untenanted";
  const mode = tenantedModes.find((candidate) => candidate.toLowerCase() === modeText.toLowerCase());
  if (!mode) errors.push(`The value '${modeText}' is not valid for TenantedDeploymentMode.`);
  if (errors.length > 0 || !mode) return badRequest(errors);

  const id = store.nextId("Projects-");
  const processId = `deploymentprocess-${id}`;
  const project: ProjectResource = {
    Id: id,
    SpaceId: space.Id,
    Name: name,
    Slug: slugOf(name),
    Description: bindString(parsed.body, "Description", errors) ?? "",
    IsDisabled: false,
    TenantedDeploymentMode: mode,
    DeploymentProcessId: processId,
    LifecycleId: bindString(parsed.body, "LifecycleId", errors) ?? "Lifecycles-1",
    ProjectGroupId: bindString(parsed.body, "ProjectGroupId", errors) ?? "ProjectGroups-1",
    VariableSetId: `variableset-${id}`,
    AutoCreateRelease: false,
    DiscreteChannelRelease: false,
    ReleaseNotesTemplate: bindString(parsed.body, "ReleaseNotesTemplate", errors) ?? null,
    DeploymentChangesTemplate: bindString(parsed.body, "DeploymentChangesTemplate", errors) ?? null,
    Links: {
      Self: `/api/${space.Id}/projects/${id}`,
      Releases: `/api/${space.Id}/projects/${id}/releases{/version}{?skip,take,searchByVersion}`,
      Channels: `/api/${space.Id}/projects/${id}/channels{?skip,take,partialName}`,
      DeploymentProcess: `/api/${space.Id}/projects/${id}/deploymentprocesses`,
      Web: `/app#/${space.Id}/projects/${id}`,
    },
  };
  store.data.projects.push(project);
  store.data.processes.push({
    Id: processId,
    SpaceId: space.Id,
    ProjectId: id,
    Version: 0,
    LastSnapshotId: null,
    Steps: [],
    Links: { Self: `/api/${space.Id}/deploymentprocesses/${processId}`, Project: project.Links.Self! },
  });
  // Every project starts with its default channel.
  store.data.channels.push(channelResource(context, space.Id, id, "Default", true, ""));
  store.changed();
  return { status: 201, body: project };
}

function channelResource(
  context: DeployContext,
  spaceId: string,
  projectId: string,
  name: string,
  isDefault: boolean,
  description: string,
): ChannelResource {
  const id = context.store.nextId("Channels-");
  return {
    Id: id,
    SpaceId: spaceId,
    ProjectId: projectId,
    Name: name,
    Description: description,
    IsDefault: isDefault,
    LifecycleId: null,
    Rules: [],
    TenantTags: [],
    Links: {
      Self: `/api/${spaceId}/channels/${id}`,
      Project: `/api/${spaceId}/projects/${projectId}`,
      Releases: `/api/${spaceId}/channels/${id}/releases{?skip,take,searchByVersion}`,
    },
  };
}

function channels(context: DeployContext, call: SpaceCall, id: string | undefined): ServerReply | undefined {
  const { store } = context;
  const { space, request } = call;
  if (id !== undefined) {
    const channel = store.byId(store.data.channels, space.Id, id);
    if (request.method !== "GET") return undefined;
    return channel ? { status: 200, body: channel } : notFound;
  }
  if (request.method === "GET") {
    return pageReply(
      request,
      "Channel",
      filterNamed(store.inSpace(store.data.channels, space.Id), request.query),
      `/api/${space.Id}/channels{/id}{?skip,take,ids,partialName}`,
    );
  }
  if (request.method !== "POST") return undefined;
  const parsed = parseObjectBody(request.body);
  if ("error" in parsed) return badRequest([parsed.error]);
  const errors: string[] = [];
  const name = (bindString(parsed.body, "Name", errors) ?? "").trim();
  const projectId = bindString(parsed.body, "ProjectId", errors) ?? "";
  const project = store.byId(store.data.projects, space.Id, projectId);
  if (name === "") errors.push("Please provide a name for the channel.");
  if (!project) errors.push(`The project '${projectId}' does not exist in this space.`);
  const siblings = store.inSpace(store.data.channels, space.Id).filter((c) => c.ProjectId === project?.Id);
  if (siblings.some((channel) => channel.Name.toLowerCase() === name.toLowerCase()))
    errors.push(`A channel with the name '${name}' already exists for this project.`);
  if (errors.length > 0 || !project) return badRequest(errors);
  const isDefault = field(parsed.body, "IsDefault") === true;
  if (isDefault) for (const sibling of siblings) sibling.IsDefault = false;
  const description = bindString(parsed.body, "Description", errors) ?? "";
  const channel = channelResource(context, space.Id, project.Id, name, isDefault, description);
  store.data.channels.push(channel);
  store.changed();
  return { status: 201, body: channel };
}

function processById(context: DeployContext, call: SpaceCall, id: string): ServerReply | undefined {
  const { store } = context;
  const { space, request } = call;
  const process = store.byId(store.data.processes, space.Id, id);
  if (request.method === "PUT") return process ? updateProcess(context, call, process) : notFound;
  if (request.method !== "GET") return undefined;
  const found = process ?? store.byId(store.data.snapshots, space.Id, id);
  return found ? { status: 200, body: found } : notFound;
}

function updateProcess(
  context: DeployContext,
  call: SpaceCall,
  process: DeploymentProcessResource,
): ServerReply {
  const { store } = context;
  const { space, request } = call;
  const parsed = parseObjectBody(request.body);
  if ("error" in parsed) return badRequest([parsed.error]);
  const feedExists = (feedId: string) =>
    feedId.toLowerCase() === "feeds-builtin" || store.byId(store.data.feeds, space.Id, feedId) !== undefined;
  const bound = bindSteps(parsed.body, feedExists);
  if ("errors" in bound) return badRequest(bound.errors);
  process.Steps = bound.steps;
  process.Version += 1;
  store.changed();
  return { status: 200, body: process };
}

/** The project's default channel, or the channel named by id or name (undefined when it has none such). */
export function findChannel(
  context: DeployContext,
  project: ProjectResource,
  idOrName: string | undefined,
): ChannelResource | undefined {
  const own = context.store
    .inSpace(context.store.data.channels, project.SpaceId)
    .filter((channel) => channel.ProjectId === project.Id);
  if (idOrName === undefined || idOrName === "") return own.find((channel) => channel.IsDefault);
  const wanted = idOrName.toLowerCase();
  return own.find((channel) => channel.Id.toLowerCase() === wanted || channel.Name.toLowerCase() === wanted);
}
