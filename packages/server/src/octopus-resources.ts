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
  const links: Record<string, string> = {
    Self: `/api/${space.Id}`,
    Space: `/api/spaces/${space.Id}`,
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
