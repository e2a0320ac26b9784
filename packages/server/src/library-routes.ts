import type { DeployContext, SpaceCall } from "./deploy-context";
import type { EnvironmentResource, FeedResource, TenantResource } from "./deploy-resources";
import { bindString, field, isObject, parseObjectBody, queryValue } from "./model-binding";
import { badRequest, notFound, type ServerReply } from "./octopus-resources";
import { compareOctopusVersions } from "./octopus-versions";
import { pageReply } from "./paging";
import { filterNamed, listParameter, matchesAny } from "./resource-query";
import { parseVersionRange } from "./version-range";

export const builtInFeedId = "feeds-builtin";

/** The built-in feed of a space, as `/feeds` lists it. */
export function builtInFeed(spaceId: string): FeedResource {
  return {
    Id: builtInFeedId,
    SpaceId: spaceId,
    Name: "Octopus Server (built-in)",
    FeedType: "BuiltIn",
    PackageAcquisitionLocationOptions: ["Server", "ExecutionTarget"],
    Links: feedLinks(spaceId, builtInFeedId),
  };
}

function feedLinks(spaceId: string, feedId: string): Record<string, string> {
  return {
    Self: `/api/${spaceId}/feeds/${feedId}`,
    SearchPackageVersionsTemplate: `/api/${spaceId}/feeds/${feedId}/packages/versions{?packageId,take,skip,includePreRelease,versionRange,preReleaseTag,filter,includeReleaseNotes}`,
  };
}

/** Every feed of the space: the built-in one first, then those created through the API. */
export function feedsOf(context: DeployContext, spaceId: string): FeedResource[] {
  return [builtInFeed(spaceId), ...context.store.inSpace(context.store.data.feeds, spaceId)];
}

/** Environments, tenants and feeds (with the feed's package search). */
export function libraryRoutes(context: DeployContext, call: SpaceCall): ServerReply | undefined {
  const [resource = "", id, ...rest] = call.segments;
  const kind = resource.toLowerCase();
  if (kind === "environments" && rest.length === 0) return environments(context, call, id);
  if (kind === "tenants" && rest.length === 0) return tenants(context, call, id);
  if (kind === "feeds") return feeds(context, call, id, rest);
  return undefined;
}

function getOne<T>(call: SpaceCall, found: T | undefined): ServerReply | undefined {
  if (call.request.method !== "GET") return undefined;
  return found ? { status: 200, body: found as object } : notFound;
}

/**
 * A POST's body and its `Name`, which must be given and free among `taken` (case-insensitive, as Octopus
 * compares names), with the errors found so far; or the 400 answer when the body is no JSON object.
 */
function namedBody(
  request: { body: string },
  what: string,
  taken: { Name: string }[],
): { body: Record<string, unknown>; name: string; errors: string[] } | { reply: ServerReply } {
  const parsed = parseObjectBody(request.body);
  if ("error" in parsed) return { reply: badRequest([parsed.error]) };
  const errors: string[] = [];
  const name = (bindString(parsed.body, "Name", errors) ?? "").trim();
  if (name === "") errors.push(`Please provide a name for the ${what}.`);
  else if (taken.some((item) => item.Name.toLowerCase() === name.toLowerCase()))
    errors.push(`The name '${name}' is already in use by another ${what}.`);
  return { body: parsed.body, name, errors };
}

function environments(
  context: DeployContext,
  call: SpaceCall,
  id: string | undefined,
): ServerReply | undefined {
  const { store } = context;
  const { space, request } = call;
  const own = store.inSpace(store.data.environments, space.Id);
  if (id !== undefined) return getOne(call, store.byId(store.data.environments, space.Id, id));
  if (request.method === "GET") {
    return pageReply(
      request,
      "Environment",
      filterNamed(own, request.query).sort((left, right) => left.SortOrder - right.SortOrder),
      `/api/${space.Id}/environments{/id}{?name,skip,ids,take,partialName}`,
    );
  }
  if (request.method !== "POST") return undefined;
  const named = namedBody(request, "environment", own);
  if ("reply" in named) return named.reply;
  const { body, name, errors } = named;
  if (errors.length > 0) return badRequest(errors);
  const newId = store.nextId("Environments-");
  const environment: EnvironmentResource = {
    Id: newId,
    SpaceId: space.Id,
    Name: name,
    Description: bindString(body, "Description", errors) ?? "",
    SortOrder: own.length,
    UseGuidedFailure: field(body, "UseGuidedFailure") === true,
    AllowDynamicInfrastructure: field(body, "AllowDynamicInfrastructure") === true,
    ExtensionSettings: [],
    Links: { Self: `/api/${space.Id}/environments/${newId}`, Web: `/app#/${space.Id}/environments/${newId}` },
  };
  store.data.environments.push(environment);
  store.changed();
  return { status: 201, body: environment };
}

function tenants(context: DeployContext, call: SpaceCall, id: string | undefined): ServerReply | undefined {
  const { store } = context;
  const { space, request } = call;
  const own = store.inSpace(store.data.tenants, space.Id);
  if (id !== undefined) return getOne(call, store.byId(store.data.tenants, space.Id, id));
  if (request.method === "GET") {
    const projectId = queryValue(request.query, "projectId");
    return pageReply(
      request,
      "Tenant",
      filterNamed(own, request.query).filter(
        (tenant) =>
          !projectId ||
          Object.keys(tenant.ProjectEnvironments).some(
            (key) => key.toLowerCase() === projectId.toLowerCase(),
          ),
      ),
      `/api/${space.Id}/tenants{/id}{?skip,projectId,name,tags,take,ids,clone,partialName,clonedFromTenantId}`,
    );
  }
  if (request.method !== "POST") return undefined;
  const named = namedBody(request, "tenant", own);
  if ("reply" in named) return named.reply;
  const { body, name, errors } = named;
  const connections = field(body, "ProjectEnvironments");
  const projectEnvironments: Record<string, string[]> = {};
  for (const [projectId, environmentIds] of Object.entries(isObject(connections) ? connections : {})) {
    const project = store.byId(store.data.projects, space.Id, projectId);
    if (!project) errors.push(`The project '${projectId}' of ProjectEnvironments does not exist.`);
    const ids = Array.isArray(environmentIds) ? environmentIds.map(String) : [];
    for (const environmentId of ids) {
      if (!store.byId(store.data.environments, space.Id, environmentId))
        errors.push(`The environment '${environmentId}' of ProjectEnvironments does not exist.`);
    }
    if (project) projectEnvironments[project.Id] = ids;
  }
  if (errors.length > 0) return badRequest(errors);
  const newId = store.nextId("Tenants-");
  const tags = field(body, "TenantTags");
  const tenant: TenantResource = {
    Id: newId,
    SpaceId: space.Id,
    Name: name,
    Description: bindString(body, "Description", errors),
    TenantTags: Array.isArray(tags) ? tags.map(String) : [],
    ProjectEnvironments: projectEnvironments,
    Links: { Self: `/api/${space.Id}/tenants/${newId}`, Web: `/app#/${space.Id}/tenants/${newId}/overview` },
  };
  store.data.tenants.push(tenant);
  store.changed();
  return { status: 201, body: tenant };
}

function feeds(
  context: DeployContext,
  call: SpaceCall,
  id: string | undefined,
  rest: string[],
): ServerReply | undefined {
  const { store } = context;
  const { space, request } = call;
  const all = feedsOf(context, space.Id);
  if (id !== undefined) {
    const feed = all.find((candidate) => candidate.Id.toLowerCase() === id.toLowerCase());
    if (rest.length === 0) return getOne(call, feed);
    if (rest.length === 2 && rest.join("/").toLowerCase() === "packages/versions" && request.method === "GET")
      return feed ? searchPackageVersions(context, call, feed) : notFound;
    return undefined;
  }
  if (request.method === "GET") {
    const ids = listParameter(request.query, "ids");
    const feedType = queryValue(request.query, "feedType")?.toLowerCase();
    const partialName = queryValue(request.query, "partialName")?.toLowerCase() ?? "";
    return pageReply(
      request,
      "Feed",
      all.filter(
        (feed) =>
          matchesAny(ids, feed.Id) &&
          (!feedType || feed.FeedType.toLowerCase() === feedType) &&
          feed.Name.toLowerCase().includes(partialName),
      ),
      `/api/${space.Id}/feeds{/id}{?skip,take,ids,partialName,feedType}`,
    );
  }
  if (request.method !== "POST") return undefined;
  const named = namedBody(request, "feed", all);
  if ("reply" in named) return named.reply;
  const { body, name, errors } = named;
  const feedType = bindString(body, "FeedType", errors) ?? "";
  if (feedType === "" || feedType.toLowerCase() === "builtin")
    errors.push("Please provide the FeedType of an external feed (NuGet, Docker, Maven, GitHub, Helm, …).");
  if (errors.length > 0) return badRequest(errors);
  const newId = store.nextId("Feeds-");
  const feed: FeedResource = {
    Id: newId,
    SpaceId: space.Id,
    Name: name,
    FeedType: feedType,
    FeedUri: bindString(body, "FeedUri", errors) ?? "",
    PackageAcquisitionLocationOptions: ["Server", "ExecutionTarget"],
    Links: feedLinks(space.Id, newId),
  };
  store.data.feeds.push(feed);
  store.changed();
  return { status: 201, body: feed };
}

/** `/feeds/{id}/packages/versions`: the versions of one package id a feed holds, newest first. */
function searchPackageVersions(context: DeployContext, call: SpaceCall, feed: FeedResource): ServerReply {
  const { request, space } = call;
  const packageId = queryValue(request.query, "packageId") ?? "";
  if (packageId === "") return badRequest(["Please provide the packageId to search for."]);
  const rangeText = queryValue(request.query, "versionRange");
  const inRange = rangeText ? parseVersionRange(rangeText) : () => true;
  if (!inRange) return badRequest([`The version range '${rangeText}' is not a NuGet version range.`]);
  const held =
    feed.Id === builtInFeedId
      ? context.store.inSpace(context.store.data.packages, space.Id)
      : (context.externalFeeds[feed.FeedUri ?? ""] ?? []);
  const versions = held
    .filter((entry) => entry.PackageId.toLowerCase() === packageId.toLowerCase() && inRange(entry.Version))
    .sort((left, right) => compareOctopusVersions(right.Version, left.Version))
    .map((entry) => ({
      Id: `${entry.PackageId}.${entry.Version}`,
      PackageId: entry.PackageId,
      Version: entry.Version,
      FeedId: feed.Id,
      Title: entry.PackageId,
      Links: {},
    }));
  return pageReply(request, "PackageVersion", versions, feed.Links.SearchPackageVersionsTemplate!);
}
