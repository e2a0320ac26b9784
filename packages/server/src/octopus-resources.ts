/** A space as the local server knows it. */
export interface OctopusSpace {
  Id: string;
  Name: string;
  IsDefault?: boolean;
}

/** An answer before it is written: the body is sent as JSON. */
export interface ServerReply {
  status: number;
  body?: object;
  headers?: Record<string, string>;
}

/** The standard Octopus error body. */
export function errorBody(message: string, errors: string[] = []): object {
  return {
    ErrorMessage: message,
    Errors: errors,
    FullException: null,
    HelpText: null,
    HelpLink: null,
    ParsedHelpLinks: [],
    Details: {},
  };
}

export const badRequestMessage = "There was a problem with your request.";
export const notFoundMessage = "The resource you requested was not found.";
export const alreadyExistsMessage =
  "Metadata for the specified Package ID and version already exists. To proceed anyway, specify an overwriteMode of OverwriteExisting or IgnoreIfExists.";

export function rootDocument(version: string, installationId: string): object {
  return {
    Application: "Octopus Deploy",
    Version: version,
    ApiVersion: "3.0.0",
    InstallationId: installationId,
    IsEarlyAccessProgram: false,
    HasLongTermSupport: false,
    Links: {
      Self: "/api",
      Spaces: "/api/spaces{/id}{?skip,ids,take,partialName}",
      SpaceHome: "/api/{spaceId}",
      CurrentUser: "/api/users/me",
      Tasks:
        "/api/tasks{/id}{?skip,active,environment,tenant,runbook,project,name,node,running,states,hasPendingInterruptions,hasWarningsOrErrors,take,ids,partialName,spaces,includeSystem}",
    },
  };
}

export function spaceResource(space: OctopusSpace): object {
  return {
    Id: space.Id,
    Name: space.Name,
    Slug: space.Name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    Description: null,
    IsDefault: space.IsDefault === true,
    IsPrivate: false,
    TaskQueueStopped: false,
    SpaceManagersTeams: [],
    SpaceManagersTeamMembers: [],
    ExtensionSettings: [],
    Links: {
      Self: `/api/spaces/${space.Id}`,
      SpaceHome: `/api/${space.Id}`,
      Web: `/app#/spaces/${space.Id}`,
    },
  };
}

/** The space root; the build-information links appear from 2019.9 on, as feature detection expects. */
export function spaceRoot(space: OctopusSpace, hasBuildInformation: boolean): object {
  const root = `/api/${space.Id}`;
  // The resources the local server offers besides build information, with the real server's templates.
  const links: Record<string, string> = {
    Self: root,
    Space: `/api/spaces/${space.Id}`,
    Projects: `${root}/projects{/id}{?name,skip,ids,clone,take,partialName,clonedFromProjectId}`,
    Environments: `${root}/environments{/id}{?name,skip,ids,take,partialName}`,
    Channels: `${root}/channels{/id}{?skip,take,ids,partialName}`,
    Tenants: `${root}/tenants{/id}{?skip,projectId,name,tags,take,ids,clone,partialName,clonedFromTenantId}`,
    DeploymentProcesses: `${root}/deploymentprocesses{/id}{?skip,take,ids}`,
    Releases: `${root}/releases{/id}{?skip,ignoreChannelRules,take,ids}`,
    Deployments: `${root}/deployments{/id}{?skip,take,ids,projects,environments,tenants,channels,taskState,partialName}`,
    Feeds: `${root}/feeds{/id}{?skip,take,ids,partialName,feedType}`,
    Packages: `${root}/packages{/id}{?nuGetPackageId,filter,latest,skip,take,includeNotes}`,
    PackageUpload: `${root}/packages/raw{?replace,overwriteMode}`,
  };
  if (hasBuildInformation) {
    links.BuildInformation = `/api/${space.Id}/build-information{/id}{?filter,packageId,latest,skip,take,overwriteMode}`;
    links.BuildInformationBulk = `/api/${space.Id}/build-information/bulk{?ids}`;
  }
  return { Links: links };
}

/** A `ResourceCollection` page with Octopus's paging links. */
export function collection<T>(
  itemType: string,
  items: T[],
  paging: { skip: number; take: number; path: string; query: URLSearchParams; template: string },
): object {
  const { skip, take, path } = paging;
  const numberOfPages = Math.max(1, Math.ceil(items.length / take));
  const pageLink = (pageSkip: number, pageTake = take): string => {
    const query = new URLSearchParams(paging.query);
    query.set("skip", String(pageSkip));
    query.set("take", String(pageTake));
    return `${path}?${query}`;
  };
  const links: Record<string, string> = {
    Self: pageLink(skip),
    Template: paging.template,
    "Page.All": pageLink(0, 2_147_483_647),
    "Page.Current": pageLink(skip),
    "Page.Last": pageLink((numberOfPages - 1) * take),
  };
  if (skip > 0) links["Page.Previous"] = pageLink(Math.max(0, skip - take));
  if (skip + take < items.length) links["Page.Next"] = pageLink(skip + take);
  return {
    ItemType: itemType,
    TotalResults: items.length,
    ItemsPerPage: take,
    NumberOfPages: numberOfPages,
    LastPageNumber: numberOfPages - 1,
    Items: items.slice(skip, skip + take),
    Links: links,
  };
}

/** 403 with the missing permission named, as the server words it. */
export function forbidden(permission: string): ServerReply {
  const message = `You do not have permission to perform this action. Please contact your Octopus administrator. Missing permission: ${permission}`;
  return { status: 403, body: errorBody(message, [message]) };
}

/** 400 with the server's summary and each problem in `Errors`. */
export function badRequest(errors: string[]): ServerReply {
  return { status: 400, body: errorBody(badRequestMessage, errors) };
}

export const notFound: ServerReply = { status: 404, body: errorBody(notFoundMessage) };
