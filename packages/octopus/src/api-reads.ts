import type { ApiCaller } from "./api-caller";
import { parsePage, parseResource, responseError } from "./response-errors";

/** Octopus's largest page size: a list read in one request. */
export const everyItem = { skip: 0, take: 2_147_483_647 };

export interface ApiRead {
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** For messages: `finding project "Shop"`. */
  doing: string;
  /** The permission a 403 names: `ProjectView`. */
  permission: string;
  /** What the answer holds, for a message about an answer that is not it: `projects`. */
  what: string;
}

/** The items of one page (`Items` of objects with an `Id`); a non-2xx answer is thrown as its BuildInfoError. */
export async function readPage<T extends { Id: string }>(api: ApiCaller, read: ApiRead): Promise<T[]> {
  const { response, attempts } = await api.call({
    method: "GET",
    path: read.path,
    query: read.query ?? {},
    doing: read.doing,
  });
  const context = api.errorContext(read.doing, read.permission, attempts);
  if (response.status < 200 || response.status > 299) throw responseError(response, context);
  return parsePage<T>(response, context, read.what).Items;
}

/** One resource (an object with an `Id`), or undefined when the server answers 404. */
export async function readResource<T extends { Id: string }>(
  api: ApiCaller,
  read: ApiRead,
): Promise<T | undefined> {
  const { response, attempts } = await api.call({
    method: "GET",
    path: read.path,
    query: read.query ?? {},
    doing: read.doing,
  });
  if (response.status === 404) return undefined;
  const context = api.errorContext(read.doing, read.permission, attempts);
  if (response.status < 200 || response.status > 299) throw responseError(response, context);
  return parseResource<T>(response, context, read.what);
}
