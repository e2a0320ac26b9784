import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { IssueTrackers } from "@buildinfo/core";
import {
  type BuildInformationState,
  BuildInformationStore,
  type StoredBuildInformation,
} from "./build-information-store";
import { bindIds } from "./bulk-delete-ids";
import { Clock } from "./clock";
import { bindCreateCommand } from "./create-command";
import type { DeployContext, SpaceCall } from "./deploy-context";
import { DeployStore } from "./deploy-store";
import { deploymentRoutes, taskRoutes } from "./deployment-routes";
import type { ExternalFeedPackages } from "./external-feeds";
import { isOwnHost } from "./host-header";
import { libraryRoutes } from "./library-routes";
import { queryValue } from "./model-binding";
import {
  alreadyExistsMessage,
  badRequest,
  collection,
  errorBody,
  forbidden,
  notFound,
  type OctopusSpace,
  rootDocument,
  type ServerReply,
  spaceResource,
  spaceRoot,
} from "./octopus-resources";
import { isServerVersionAtLeast } from "./octopus-versions";
import {
  exchangeToken,
  type OidcOptions,
  openIdConfiguration,
  tokenEndpointPath,
} from "./oidc-token-exchange";
import { byPackageNewestFirst } from "./package-order";
import { packageRoutes } from "./package-routes";
import { PageAccess } from "./pages/page-access";
import { appPaths } from "./pages/page-paths";
import { isPagePath, type PageReply, pagePath, pageRoute } from "./pages/page-routes";
import { readPaging } from "./paging";
import { projectRoutes } from "./project-routes";
import { releaseRoutes } from "./release-routes";
import { StateFile } from "./state-file";

export interface OctopusServerOptions {
  /** Default 0: a free port. */
  port?: number;
  /**
   * The address to listen on (default `127.0.0.1`). Requests must name a loopback host
   * (`127.0.0.1`, `localhost`, `[::1]`) or this one in their `Host` header, so a web page cannot
   * reach the server through DNS rebinding.
   */
  host?: string;
  /** Default `["API-BUILDINFOTESTKEY0000000000000"]` (`buildinfo serve` picks a random key instead). */
  apiKeys?: string[];
  /** Accepted as `Authorization: Bearer <token>`. */
  accessTokens?: string[];
  /** Default one space, `Spaces-1` "Default", the default space. */
  spaces?: OctopusSpace[];
  /** What the API key's user may do (default both true). */
  permissions?: { push?: boolean; administer?: boolean };
  /** The server version of `GET /api` (default "2025.1.0"); below 2019.9 there is no build-information API. */
  version?: string;
  /**
   * A JSON file the server's state (build information, projects, environments, releases, deployments, …)
   * is loaded from on start and written to (atomically) after each change.
   */
  persistPath?: string;
  /**
   * The issue trackers configured on the server: the work items of each stored record (and of releases
   * and deployments) are what these trackers list, by the core's `mapBuildInformation`. Default none.
   */
  issueTrackers?: IssueTrackers;
  /** What the registries behind external feeds hold, by feed URI, for `/feeds/{id}/packages/versions`. */
  externalFeedPackages?: ExternalFeedPackages;
  /** Enables `/.well-known/openid-configuration` and the token exchange endpoint. */
  oidc?: OidcOptions;
  /** Largest request body; more is answered 413 without being read. Default 30,000,000 bytes (Kestrel's). */
  maxBodyBytes?: number;
  /**
   * Called for every request that passed the host, origin, credential and size checks, after its body is
   * read and before the server answers it: return `"handled"` when the hook has taken the exchange over
   * (answered it, reset the connection or left it hanging), anything else to let the server answer.
   * `@buildinfo/testing`'s fault queue plugs in here; `buildinfo serve` sets none.
   */
  beforeRequest?: (exchange: PendingExchange) => RequestHookResult | Promise<RequestHookResult>;
}

/** What a `beforeRequest` hook returns: `"handled"` when it has taken the exchange over. */
export type RequestHookResult = "handled" | undefined;

/** A request the server has read and not answered yet, as `beforeRequest` receives it. */
export interface PendingExchange {
  /** The request as recorded (body included). */
  readonly request: RecordedRequest;
  /** Handles the request as the server would (a push is stored) and returns the answer without sending it. */
  handle(): ServerReply;
  /** Sends an answer, its body as JSON. */
  send(reply: ServerReply): void;
  /** The response itself, for an answer that is not JSON, a partial one or a reset connection. */
  readonly response: ServerResponse;
}

export interface RecordedRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-case names, exactly as received (credentials included, so tests can assert what reached the server). */
  headers: Record<string, string>;
  body: string;
}

export interface LocalOctopusServer {
  url: string;
  /** The first API key. */
  apiKey: string;
  /** The latest requests (at most `maxRecordedRequests`, and 64 MiB of bodies), oldest first. */
  requests: RecordedRequest[];
  /** Every stored record of every space, oldest first. */
  records(): StoredBuildInformation[];
  /** The pages' address (`{url}/app`): open to loopback clients without a key. */
  pagesUrl: string;
  /** A link that signs one browser on another machine in to the pages, until it is used; then undefined. */
  oneTimeSignInUrl(): string | undefined;
  close(): Promise<void>;
}

const defaultApiKey = "API-BUILDINFOTESTKEY0000000000000";
/** Kestrel's default `MaxRequestBodySize`, which the real Octopus server runs with. */
const defaultMaxBodyBytes = 30_000_000;
export const maxRecordedRequests = 1000;
const maxRecordedBodyBytes = 64 * 1024 * 1024;
/** The content types a web page may POST cross-origin without a CORS preflight. */
const simpleContentTypes = /^\s*(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

const missingCredentialsMessage =
  "You must be logged in to perform this action. Please provide a valid API key or log in again.";
const invalidApiKeyMessage =
  "The API key you provided was not valid. Please double-check your API key and try again. For instructions on finding your API key, please visit: https://oc.to/ApiKey";
const invalidAccessTokenMessage = "The access token you provided was not valid. Please log in again.";
const buildInformationSince = "2019.9.0";

function flattenHeaders(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/** The body as text, or `undefined` as soon as it passes `maxBytes` (the rest is not read). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? 0) > maxBytes) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * A faithful local Octopus build-information API on loopback: root document, spaces, space roots with
 * HAL links, push with overwrite modes, list/get/delete, the server's auth, permission and validation
 * answers, optional persistence, and a hook (`beforeRequest`) that tests use to inject faults.
 */
export async function startOctopusServer(options: OctopusServerOptions = {}): Promise<LocalOctopusServer> {
  const apiKeys = options.apiKeys ?? [defaultApiKey];
  const accessTokens = [...(options.accessTokens ?? [])];
  const spaces = options.spaces ?? [{ Id: "Spaces-1", Name: "Default", IsDefault: true }];
  const canPush = options.permissions?.push ?? true;
  const canAdminister = options.permissions?.administer ?? true;
  const version = options.version ?? "2025.1.0";
  const hasBuildInformation = isServerVersionAtLeast(version, buildInformationSince);
  const installationId = randomUUID();
  const user = "buildinfo-test-user";
  const stateFile = new StateFile(options.persistPath);
  const clock = new Clock();
  const save = () => stateFile.write({ ...store.state(), deploy: deploy.data });
  const store = new BuildInformationStore(stateFile.initial as BuildInformationState | undefined, {
    modifiedBy: user,
    clock,
    trackers: options.issueTrackers ?? {},
    onChange: save,
  });
  const deploy = new DeployStore(stateFile.initial?.deploy, save);
  const deployContext: DeployContext = {
    store: deploy,
    records: store,
    clock,
    trackers: options.issueTrackers ?? {},
    externalFeeds: options.externalFeedPackages ?? {},
    user,
  };
  const requests: RecordedRequest[] = [];
  const pageAccess = new PageAccess(apiKeys);
  let baseUrl = "";

  function authenticate(request: RecordedRequest): ServerReply | undefined {
    // Only headers: a key in the query string ends up in proxy and server logs.
    const apiKey = request.headers["x-octopus-apikey"] || request.headers["x-nuget-apikey"];
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1]?.trim();
    if (apiKey && apiKeys.includes(apiKey)) return undefined;
    if (bearer && accessTokens.includes(bearer)) return undefined;
    const message = apiKey
      ? invalidApiKeyMessage
      : bearer
        ? invalidAccessTokenMessage
        : missingCredentialsMessage;
    return { status: 401, body: errorBody(message, [message]) };
  }

  function findSpace(id: string): OctopusSpace | undefined {
    return spaces.find((space) => space.Id.toLowerCase() === id.toLowerCase());
  }

  function listSpaces(request: RecordedRequest): ServerReply {
    const paging = readPaging(request.query);
    if ("status" in paging) return paging;
    const partialName = (queryValue(request.query, "partialName") ?? "").toLowerCase();
    const ids = queryValue(request.query, "ids")
      ?.split(",")
      .map((id) => id.trim().toLowerCase())
      .filter(Boolean);
    const matching = spaces.filter(
      (space) =>
        space.Name.toLowerCase().includes(partialName) &&
        (!ids?.length || ids.includes(space.Id.toLowerCase())),
    );
    return {
      status: 200,
      body: collection("Space", matching.map(spaceResource), {
        ...paging,
        path: request.path,
        query: request.query,
        template: "/api/spaces{?skip,ids,take,partialName}",
      }),
    };
  }

  function push(space: OctopusSpace, request: RecordedRequest): ServerReply {
    if (!canPush) return forbidden("BuildInformationPush");
    const bound = bindCreateCommand(request.body, request.query);
    if (bound.errors) return badRequest(bound.errors);
    const { command } = bound;
    if (command.spaceId && command.spaceId.toLowerCase() !== space.Id.toLowerCase()) {
      return badRequest([
        `The SpaceId '${command.spaceId}' in the request body does not match the space '${space.Id}' of the route.`,
      ]);
    }
    if (command.overwriteMode === "OverwriteExisting" && !canAdminister) {
      return forbidden("BuildInformationAdminister");
    }
    const existing = store.find(space.Id, command.packageId, command.version);
    if (!existing) {
      return {
        status: 200,
        body: store.create(space.Id, command.packageId, command.version, command.buildInformation),
      };
    }
    if (command.overwriteMode === "FailIfExists")
      return { status: 409, body: errorBody(alreadyExistsMessage) };
    if (command.overwriteMode === "IgnoreIfExists") return { status: 200, body: existing };
    return { status: 200, body: store.replace(existing, command.buildInformation) };
  }

  function list(space: OctopusSpace, request: RecordedRequest): ServerReply {
    const paging = readPaging(request.query);
    if ("status" in paging) return paging;
    const packageId = queryValue(request.query, "packageId");
    const filter = queryValue(request.query, "filter");
    if (packageId && filter) return badRequest(["Only one of either packageId or filter may be specified."]);
    const partialPackageId = queryValue(request.query, "partialPackageId")?.toLowerCase();
    const items = byPackageNewestFirst(
      store
        .inSpace(space.Id)
        .filter(
          (record) =>
            (!packageId || record.PackageId.toLowerCase() === packageId.toLowerCase()) &&
            (!filter || record.Version.toLowerCase().includes(filter.toLowerCase())) &&
            (!partialPackageId || record.PackageId.toLowerCase().includes(partialPackageId)),
        ),
      queryValue(request.query, "latest")?.toLowerCase() === "true",
    );
    return {
      status: 200,
      body: collection("OctopusPackageVersionBuildInformation", items, {
        ...paging,
        path: request.path,
        query: request.query,
        template: `/api/${space.Id}/build-information{?filter,packageId,latest,skip,take}`,
      }),
    };
  }

  function bulkDelete(space: OctopusSpace, request: RecordedRequest): ServerReply {
    if (!canAdminister) return forbidden("BuildInformationAdminister");
    let ids = queryValue(request.query, "ids")?.split(",") ?? [];
    if (ids.length === 0 && request.body.trim() !== "") {
      const bound = bindIds(request.body);
      if (bound.errors) return badRequest(bound.errors);
      ids = bound.ids;
    }
    for (const id of ids) {
      const record = store.get(space.Id, id.trim());
      if (record) store.delete(record);
    }
    return { status: 200 };
  }

  function buildInformationRoute(space: OctopusSpace, rest: string[], request: RecordedRequest): ServerReply {
    if (!hasBuildInformation) return notFound;
    const { method } = request;
    const [id, ...beyond] = rest;
    if (id === undefined) {
      if (method === "POST") return push(space, request);
      if (method === "GET") return list(space, request);
      return notFound;
    }
    if (beyond.length > 0) return notFound;
    if (id.toLowerCase() === "bulk" && method === "DELETE") return bulkDelete(space, request);
    const record = store.get(space.Id, id);
    if (method === "GET") return record ? { status: 200, body: record } : notFound;
    if (method === "DELETE") {
      if (!canAdminister) return forbidden("BuildInformationAdminister");
      if (!record) return notFound;
      store.delete(record);
      return { status: 200 };
    }
    return notFound;
  }

  function route(request: RecordedRequest): ServerReply {
    if (options.oidc && request.path === "/.well-known/openid-configuration" && request.method === "GET") {
      return openIdConfiguration(baseUrl);
    }
    if (options.oidc && request.path === tokenEndpointPath && request.method === "POST") {
      return exchangeToken(request.body, options.oidc, accessTokens);
    }
    const path = request.path.replace(/\/+$/, "");
    if (!/^\/api(\/|$)/i.test(path)) return notFound;
    if (path.toLowerCase() === "/api") {
      return request.method === "GET"
        ? { status: 200, body: rootDocument(version, installationId) }
        : notFound;
    }
    const unauthenticated = authenticate(request);
    if (unauthenticated) return unauthenticated;

    let segments: string[];
    try {
      segments = path.split("/").slice(2).map(decodeURIComponent);
    } catch {
      return notFound;
    }
    const [first = "", second, ...rest] = segments;
    if (first.toLowerCase() === "spaces") {
      if (request.method !== "GET") return notFound;
      if (second === undefined) return listSpaces(request);
      const space = rest.length === 0 ? findSpace(second) : undefined;
      return space ? { status: 200, body: spaceResource(space) } : notFound;
    }
    if (first.toLowerCase() === "tasks") return taskRoutes(deployContext, request, segments.slice(1));
    if (first.toLowerCase() === "build-information") {
      const space = spaces.find((candidate) => candidate.IsDefault);
      if (!space)
        return { status: 404, body: errorBody("Octopus Server does not have a default space enabled") };
      return buildInformationRoute(space, segments.slice(1), request);
    }
    const space = findSpace(first);
    if (!space) return notFound;
    if (second === undefined) {
      return request.method === "GET"
        ? { status: 200, body: spaceRoot(space, hasBuildInformation) }
        : notFound;
    }
    if (second.toLowerCase() === "build-information") return buildInformationRoute(space, rest, request);
    return deployRoute({ space, request, segments: [second, ...rest] }) ?? notFound;
  }

  /** Projects, environments, channels, tenants, releases, deployments, feeds and the built-in feed's packages. */
  function deployRoute(call: SpaceCall): ServerReply | undefined {
    return (
      releaseRoutes(deployContext, call) ??
      projectRoutes(deployContext, call) ??
      libraryRoutes(deployContext, call) ??
      packageRoutes(deployContext, call) ??
      deploymentRoutes(deployContext, call)
    );
  }

  function send(response: ServerResponse, reply: ServerReply): void {
    const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
      ...reply.headers,
    });
    response.end(text);
  }

  function sendPage(response: ServerResponse, reply: PageReply, headOnly: boolean): void {
    response.writeHead(reply.status, { ...reply.headers, "content-length": Buffer.byteLength(reply.body) });
    response.end(headOnly ? undefined : reply.body);
  }

  /** Requests a web page or a rebound DNS name could send: refused before anything else. */
  function refuseForeign(request: RecordedRequest): ServerReply | undefined {
    const host = request.headers.host ?? "";
    if (!isOwnHost(host, options.host ?? "127.0.0.1")) {
      return {
        status: 421,
        body: errorBody(`This server answers only for loopback host names, not '${host.slice(0, 100)}'.`),
      };
    }
    if (request.method === "GET" || request.method === "HEAD") return undefined;
    const origin = request.headers.origin;
    const site = request.headers["sec-fetch-site"];
    if (
      (origin !== undefined && origin !== `http://${host}`) ||
      (site !== undefined && site !== "same-origin" && site !== "none")
    ) {
      return { status: 403, body: errorBody("Cross-origin requests from a browser are refused.") };
    }
    const contentType = request.headers["content-type"] ?? "";
    // A package upload is a form (after the origin checks above, which a web page cannot pass).
    const upload = /\/packages\/raw$/i.test(request.path) && /^\s*multipart\/form-data\b/i.test(contentType);
    // The pages' sign-in form, also only after the origin checks.
    const signIn = pagePath(request.path).toLowerCase() === appPaths.signIn;
    if (request.method === "POST" && !upload && !signIn && simpleContentTypes.test(contentType)) {
      return { status: 415, body: errorBody("Send the body as application/json.") };
    }
    return undefined;
  }

  /** Whether `route` would ask for credentials: everything below /api except the root document. */
  function needsCredentials(request: RecordedRequest): boolean {
    const path = request.path.replace(/\/+$/, "").toLowerCase();
    return path.startsWith("/api/");
  }

  let recordedBodyBytes = 0;
  function record(request: RecordedRequest): void {
    requests.push(request);
    recordedBodyBytes += request.body.length;
    while (
      requests.length > maxRecordedRequests ||
      (recordedBodyBytes > maxRecordedBodyBytes && requests.length > 1)
    ) {
      recordedBodyBytes -= requests.shift()?.body.length ?? 0;
    }
  }

  /** Answers and closes the connection without reading the rest of the request body. */
  function sendAndClose(response: ServerResponse, reply: ServerReply): void {
    response.setHeader("connection", "close");
    send(response, reply);
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const request: RecordedRequest = {
      method: (incoming.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: flattenHeaders(incoming),
      body: "",
    };
    // Before the body is read: a foreign or unauthenticated request costs no memory.
    const refused = refuseForeign(request) ?? (needsCredentials(request) ? authenticate(request) : undefined);
    if (refused) {
      record(request);
      return sendAndClose(response, refused);
    }
    const body = await readBody(incoming, options.maxBodyBytes ?? defaultMaxBodyBytes);
    if (body === undefined) {
      record(request);
      return sendAndClose(response, { status: 413, body: errorBody("The request body is too large.") });
    }
    request.body = body;
    record(request);
    if (isPagePath(request.path)) {
      const context = { deploy: deployContext, spaces, access: pageAccess };
      return sendPage(
        response,
        pageRoute(context, request, incoming.socket.remoteAddress),
        request.method === "HEAD",
      );
    }
    const handled = await options.beforeRequest?.({
      request,
      handle: () => route(request),
      send: (reply) => send(response, reply),
      response,
    });
    if (handled !== "handled") send(response, route(request));
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return;
      send(response, {
        status: 500,
        body: errorBody(`Local Octopus server error: ${(error as Error).message}`),
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const host = options.host ?? "127.0.0.1";
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    apiKey: apiKeys[0] ?? "",
    requests,
    records: () => store.all(),
    pagesUrl: `${baseUrl}/app`,
    oneTimeSignInUrl: () => {
      const path = pageAccess.oneTimePath;
      return path === undefined ? undefined : `${baseUrl}${path}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
