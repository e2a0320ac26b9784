import { BuildInfoError, isBuildInfoError, mapWithConcurrency } from "@buildinfo/core";
import { defaultConnectionsPerOrigin } from "@buildinfo/http";
import { createApiCaller } from "./api-caller";
import { pushOne, type VersionListings } from "./push";
import { createReleaseReads } from "./release-reads";
import { parseJson, parsePage, parseResource, responseError } from "./response-errors";
import { createSpaceResolver } from "./spaces";
import type {
  BuildInformationPage,
  BuildInformationRecord,
  OctopusClient,
  OctopusClientOptions,
  PackagePushResult,
  ServerRoot,
  SpaceInput,
} from "./types";

/** Parallel POSTs per fan-out: 60 packages go out in one wave, 2,000 never open 2,000 sockets. */
const defaultConcurrency = defaultConnectionsPerOrigin;

/** The record in the Octopus web UI, as the Go CLI prints it. */
function buildInformationUiUrl(serverUrl: string, spaceId: string, recordId: string): string {
  return `${serverUrl.replace(/\/+$/, "")}/app#/${spaceId}/library/buildinformation/${recordId}`;
}

export function createOctopusClient(options: OctopusClientOptions): OctopusClient {
  const api = createApiCaller(options);
  const spaces = createSpaceResolver(api);
  const releases = createReleaseReads(api, spaces);

  async function resolveForBuildInformation(space: SpaceInput) {
    const resolved = await spaces.resolve(space);
    await spaces.ensureBuildInformation(resolved.Id);
    return resolved;
  }

  async function recordCall(space: SpaceInput, method: "GET" | "DELETE", id: string) {
    const { Id: spaceId } = await resolveForBuildInformation(space);
    const doing = `${method === "GET" ? "reading" : "deleting"} build information ${id} in space ${spaceId}`;
    const { response, attempts } = await api.call({
      method,
      path: `/api/${spaceId}/build-information/${encodeURIComponent(id)}`,
      doing,
    });
    const permission = method === "GET" ? "BuildInformationView" : "BuildInformationAdminister";
    const context = api.errorContext(doing, permission, attempts);
    if (response.status === 404) {
      throw new BuildInfoError(
        "E_HTTP_404",
        `There is no build information ${id} in space ${spaceId} on ${api.server}.`,
        {
          source: api.server,
          hint: "List the records with `buildinfo list` to find the id (BuildInformation-N).",
        },
      );
    }
    if (response.status < 200 || response.status > 299) throw responseError(response, context);
    return { response, context };
  }

  return {
    serverUrl: api.server,

    async getRoot() {
      const doing = "reading the server information (GET /api)";
      const { response, attempts } = await api.call({ method: "GET", path: "/api", doing });
      const context = api.errorContext(doing, "no special permission", attempts);
      if (response.status < 200 || response.status > 299) throw responseError(response, context);
      return parseJson<ServerRoot>(response, context);
    },

    async resolveSpace(nameOrId) {
      const space = await spaces.resolve(nameOrId);
      options.logger?.debug(
        `Space ${nameOrId === undefined ? "(default)" : `"${nameOrId}"`} is ${space.Id} (${space.Name}).`,
      );
      return space;
    },

    async pushBuildInformation(request) {
      const { record } = await pushOne(api, spaces, request, Date.now() + api.timeoutMs);
      return record;
    },

    async pushToPackages(request) {
      const deadline = Date.now() + api.timeoutMs;
      // No space-root check before the POSTs: it would cost every push a round trip. A 404 answer runs it
      // to say why (no such space, or a server without the build-information API).
      const space = await spaces.resolve(request.space);
      const listings: VersionListings = new Map();
      const results = await mapWithConcurrency(
        request.packages,
        request.concurrency ?? options.concurrency ?? defaultConcurrency,
        async ({ packageId, version }): Promise<PackagePushResult> => {
          const result = await pushPackage(packageId, version);
          request.onResult?.(result);
          return result;
        },
      );
      return { space, results, failed: results.filter((result) => !result.ok) };

      async function pushPackage(packageId: string, version: string): Promise<PackagePushResult> {
        try {
          const pushRequest = { ...request, spaceId: space.Id, packageId, version };
          const { record, outcome, note } = await pushOne(api, spaces, pushRequest, deadline, listings);
          return {
            packageId,
            version,
            ok: true,
            recordId: record.Id,
            link: buildInformationUiUrl(api.server, space.Id, record.Id),
            outcome,
            record,
            ...(note === undefined ? {} : { note }),
          };
        } catch (error) {
          if (!isBuildInfoError(error)) throw error;
          return { packageId, version, ok: false, outcome: "failed", error };
        }
      }
    },

    async listBuildInformation(request = {}) {
      const { Id: spaceId } = await resolveForBuildInformation(request.space);
      const doing = `listing build information in space ${spaceId}`;
      const { response, attempts } = await api.call({
        method: "GET",
        path: `/api/${spaceId}/build-information`,
        query: {
          packageId: request.packageId,
          filter: request.filter,
          latest: request.latest ? true : undefined,
          skip: request.skip,
          take: request.take,
        },
        doing,
      });
      const context = api.errorContext(doing, "BuildInformationView", attempts);
      if (response.status < 200 || response.status > 299) throw responseError(response, context);
      return parsePage<BuildInformationRecord>(
        response,
        context,
        "build information",
      ) as BuildInformationPage;
    },

    async getBuildInformation(space, id) {
      const { response, context } = await recordCall(space, "GET", id);
      return parseResource<BuildInformationRecord>(response, context, "a build-information record");
    },

    async deleteBuildInformation(space, id) {
      await recordCall(space, "DELETE", id);
    },

    ...releases,

    close() {
      return api.close();
    },
  };
}
