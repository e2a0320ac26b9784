import { BuildInfoError, type ErrorCode } from "@buildinfo/core";
import type { ApiCaller } from "./api-caller";
import { everyItem, readPage, readResource } from "./api-reads";
import { serverWord } from "./response-errors";
import { serverText } from "./server-value";

/** A resource Octopus names: its id and name, and the answer's other fields for the caller to read. */
export interface NamedResource {
  Id: string;
  Name: string;
  [field: string]: unknown;
}

/** What is looked up: the collection below the space, its id prefix, and how an unknown name is reported. */
export interface NamedKind {
  /** `projects`, or a project's `projects/Projects-1/channels`. */
  collection: string;
  /** `Projects` for `Projects-12`. */
  idPrefix: string;
  /** `project`, for messages. */
  what: string;
  code: ErrorCode;
  /** The flag that named it. */
  source: string;
  /** The permission a 403 names. */
  permission: string;
}

/** How many names an error message lists; a space may hold thousands. */
const listedNames = 20;

function named(item: { Id: string; Name?: unknown }): NamedResource {
  return { ...item, Name: serverText(item.Name) ?? "" };
}

/**
 * A resource of the space by `Prefix-N` id or by name (exact, else the one equal ignoring case); an input
 * error (exit 2) naming what exists when there is none such.
 */
export async function findNamed(
  api: ApiCaller,
  spaceId: string,
  kind: NamedKind,
  nameOrId: string,
): Promise<NamedResource> {
  const wanted = nameOrId.trim();
  const base = `/api/${spaceId}/${kind.collection}`;
  if (new RegExp(`^${kind.idPrefix}-\\d+$`, "i").test(wanted) && !kind.collection.includes("/")) {
    const found = await readResource<{ Id: string; Name?: unknown }>(api, {
      path: `${base}/${wanted}`,
      doing: `reading ${kind.what} ${wanted}`,
      permission: kind.permission,
      what: `the ${kind.what}`,
    });
    if (found) return named(found);
    throw await unknown(api, spaceId, kind, `There is no ${kind.what} with id ${wanted}`);
  }
  const items = (
    await readPage<{ Id: string; Name?: unknown }>(api, {
      path: base,
      query: kind.collection.includes("/") ? everyItem : { partialName: wanted, ...everyItem },
      doing: `finding ${kind.what} "${wanted}"`,
      permission: kind.permission,
      what: `${kind.what}s`,
    })
  ).map(named);
  const exact = items.find((item) => item.Name === wanted || item.Id.toLowerCase() === wanted.toLowerCase());
  const caseless = items.filter((item) => item.Name.toLowerCase() === wanted.toLowerCase());
  const found = exact ?? (caseless.length === 1 ? caseless[0] : undefined);
  if (found) return found;
  throw await unknown(api, spaceId, kind, `There is no ${kind.what} named "${wanted}"`);
}

async function unknown(
  api: ApiCaller,
  spaceId: string,
  kind: NamedKind,
  what: string,
): Promise<BuildInfoError> {
  let names: string[] = [];
  try {
    const items = await readPage<{ Id: string; Name?: unknown }>(api, {
      path: `/api/${spaceId}/${kind.collection}`,
      query: everyItem,
      doing: `listing ${kind.what}s`,
      permission: kind.permission,
      what: `${kind.what}s`,
    });
    names = items
      .slice(0, listedNames)
      .map((item) => `${serverWord(item.Name, [], 120)} (${serverWord(item.Id, [], 120)})`);
    if (items.length > listedNames) names.push(`and ${items.length - listedNames} more`);
  } catch {
    // The names only help; the lookup's own answer is the error.
  }
  const existing =
    names.length > 0
      ? ` ${capitalised(kind.what)}s that exist: ${names.join(", ")}.`
      : ` No ${kind.what} exists there.`;
  return new BuildInfoError(kind.code, `${what} in space ${spaceId} on ${api.server}.${existing}`, {
    source: kind.source,
  });
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const projectKind: NamedKind = {
  collection: "projects",
  idPrefix: "Projects",
  what: "project",
  code: "E_PROJECT_NOT_FOUND",
  source: "--project",
  permission: "ProjectView",
};

export const environmentKind: NamedKind = {
  collection: "environments",
  idPrefix: "Environments",
  what: "environment",
  code: "E_ENVIRONMENT_NOT_FOUND",
  source: "--since-deployed",
  permission: "EnvironmentView",
};

export const tenantKind: NamedKind = {
  collection: "tenants",
  idPrefix: "Tenants",
  what: "tenant",
  code: "E_TENANT_NOT_FOUND",
  source: "--tenant",
  permission: "TenantView",
};

/** The channels of one project (looked up among them only). */
export function channelKind(projectId: string): NamedKind {
  return {
    collection: `projects/${projectId}/channels`,
    idPrefix: "Channels",
    what: "channel",
    code: "E_CHANNEL_NOT_FOUND",
    source: "--channel",
    permission: "ProjectView",
  };
}
