import { BuildInfoError } from "@buildinfo/core";
import type { ApiCaller } from "./api-caller";
import { parseJson, parsePage, parseResource, responseError, serverWord } from "./response-errors";
import { serverText } from "./server-value";
import type { SpaceInput, SpaceRef } from "./types";

interface SpaceResource extends SpaceRef {
  IsDefault: boolean;
}

/** A space as the server listed it, each field read as what it must be (a name that is not text is none). */
function spaceOf(item: { Id: string; Name?: unknown; IsDefault?: unknown }): SpaceResource {
  return { Id: item.Id, Name: serverText(item.Name) ?? "", IsDefault: item.IsDefault === true };
}

/** How many spaces an error message names; a server may have hundreds of thousands. */
const namedSpaces = 20;

const spaceIdPattern = /^Spaces-\d+$/;
const viewPermission = "SpaceView";
const everySpace = { skip: 0, take: 2147483647 };

export interface SpaceResolver {
  resolve(space: SpaceInput): Promise<SpaceRef>;
  /** Throws E_SERVER_TOO_OLD when the space root has no `BuildInformation` link (before 2019.9). */
  ensureBuildInformation(spaceId: string): Promise<void>;
  /** The spaces the key can see, for error messages; empty when they cannot be listed. */
  listNames(): Promise<string[]>;
}

/** Space by `Spaces-N` id, by name (exact, then case-insensitive) or the default one; cached per client. */
export function createSpaceResolver(api: ApiCaller): SpaceResolver {
  const spaces = new Map<string, Promise<SpaceRef>>();
  const supported = new Map<string, Promise<void>>();

  async function getSpaces(doing: string, query: Record<string, string | number>): Promise<SpaceResource[]> {
    const { response, attempts } = await api.call({ method: "GET", path: "/api/spaces", doing, query });
    const context = api.errorContext(doing, viewPermission, attempts);
    if (response.status < 200 || response.status > 299) throw responseError(response, context);
    return parsePage<{ Id: string }>(response, context, "spaces").Items.map(spaceOf);
  }

  async function listNames(): Promise<string[]> {
    try {
      const items = await getSpaces("listing spaces", everySpace);
      const named = items
        .slice(0, namedSpaces)
        .map((space) => `${serverWord(space.Name, [], 120)} (${serverWord(space.Id, [], 120)})`);
      return items.length > namedSpaces ? [...named, `and ${items.length - namedSpaces} more`] : named;
    } catch {
      return [];
    }
  }

  async function notFound(what: string): Promise<BuildInfoError> {
    const names = await listNames();
    return new BuildInfoError(
      "E_HTTP_404_SPACE",
      `${what} on ${api.server}.${names.length > 0 ? ` Spaces that exist: ${names.join(", ")}.` : ""}`,
      {
        source: api.server,
        hint: "Give an existing space name or Spaces-N id; the API key must be able to see it.",
      },
    );
  }

  async function lookUp(nameOrId: string | undefined): Promise<SpaceRef> {
    if (nameOrId === undefined || nameOrId.trim() === "") {
      const items = await getSpaces("finding the default space", everySpace);
      const found = items.find((space) => space.IsDefault === true);
      if (!found) throw await notFound("The server has no default space, so a space must be named");
      return { Id: found.Id, Name: found.Name };
    }
    const wanted = nameOrId.trim();
    if (spaceIdPattern.test(wanted)) {
      const doing = `reading space ${wanted}`;
      const { response, attempts } = await api.call({ method: "GET", path: `/api/spaces/${wanted}`, doing });
      if (response.status === 404) throw await notFound(`There is no space with id ${wanted}`);
      const context = api.errorContext(doing, viewPermission, attempts);
      if (response.status < 200 || response.status > 299) throw responseError(response, context);
      const space = spaceOf(parseResource<{ Id: string }>(response, context, "the space"));
      return { Id: space.Id, Name: space.Name };
    }
    const items = await getSpaces(`finding space "${wanted}"`, { partialName: wanted, ...everySpace });
    const exact = items.find((space) => space.Name === wanted);
    const caseless = items.filter((space) => space.Name.toLowerCase() === wanted.toLowerCase());
    const found = exact ?? (caseless.length === 1 ? caseless[0] : undefined);
    if (!found) throw await notFound(`There is no space named "${wanted}"`);
    return { Id: found.Id, Name: found.Name };
  }

  async function checkRoot(spaceId: string): Promise<void> {
    const doing = `reading the root of space ${spaceId}`;
    const { response, attempts } = await api.call({ method: "GET", path: `/api/${spaceId}`, doing });
    if (response.status === 404) throw await notFound(`There is no space with id ${spaceId}`);
    const context = api.errorContext(doing, viewPermission, attempts);
    if (response.status < 200 || response.status > 299) throw responseError(response, context);
    const root = parseJson<{ Links?: Record<string, string> } | null>(response, context);
    if (!root?.Links?.BuildInformation) {
      throw new BuildInfoError(
        "E_SERVER_TOO_OLD",
        `${api.server} does not offer the build-information API (space ${spaceId} has no BuildInformation link): ` +
          "pushing build information requires Octopus 2019.9.0 or newer.",
        { source: api.server, hint: "Upgrade the Octopus server, or check the server URL." },
      );
    }
  }

  return {
    resolve(space) {
      if (typeof space === "object") return Promise.resolve(space);
      return cached(spaces, space ?? "", () => lookUp(space));
    },
    ensureBuildInformation(spaceId) {
      return cached(supported, spaceId, () => checkRoot(spaceId));
    },
    listNames,
  };
}

/** Shares one lookup between concurrent callers; a failed lookup is not remembered. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key);
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}
