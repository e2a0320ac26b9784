import { collectPages, getBuildServerResponse, type HttpClient } from "@buildinfo/core";
import { readAzureDevOpsJson } from "./read-json";

/** One entry of `GET …/_apis/build/builds/{id}/changes` (the fields the adapter reads). */
export interface AzureDevOpsChange {
  /** Git SHA, or the TFVC changeset number as a string. */
  id: string;
  message?: string;
  messageTruncated?: boolean;
  /** REST URL of the commit; for TfsGit `…/_apis/git/repositories/{repoId}/Commits/{sha}`. */
  location?: string;
}

interface BuildChangesRequest {
  /** `{collection}/{project}` with the project as a path segment. */
  projectUrl: string;
  buildId: string;
  token: string;
  /** `$top` of each request; the server may return fewer and a continuation token. Default 1000. */
  pageSize?: number;
  /** The most changes kept (the collection's `limits.commits`); the server lists the newest first. */
  maxChanges: number;
}

export const AZURE_DEVOPS_API_VERSION = "4.1";

export const ACCESS_TOKEN_HINT =
  "Map the job access token into the step (`env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)`; the buildinfo " +
  "task does it itself) and let the build service account read builds and code in this project.";

/**
 * The changes of the build, in the server's order (newest first), following the
 * `x-ms-continuationtoken` response header until the server sends none, or `maxChanges` are held.
 */
export async function fetchBuildChanges(
  http: HttpClient,
  request: BuildChangesRequest,
): Promise<AzureDevOpsChange[]> {
  const base =
    `${request.projectUrl}/_apis/build/builds/${encodeURIComponent(request.buildId)}/changes` +
    `?api-version=${AZURE_DEVOPS_API_VERSION}&$top=${request.pageSize ?? 1000}`;
  const collected = await collectPages<AzureDevOpsChange, string>(
    "",
    async (continuationToken) => {
      const url =
        continuationToken === ""
          ? base
          : `${base}&continuationToken=${encodeURIComponent(continuationToken)}`;
      const response = await getBuildServerResponse(http, url, {
        bearerToken: request.token,
        headers: { accept: "application/json" },
        what: `the changes of build ${request.buildId}`,
        hint: ACCESS_TOKEN_HINT,
      });
      const body = readAzureDevOpsJson<{ value?: AzureDevOpsChange[] }>(
        response,
        url,
        ACCESS_TOKEN_HINT,
        request.token,
      );
      const next = response.headers["x-ms-continuationtoken"];
      return { items: body.value ?? [], next: next === undefined || next === "" ? undefined : next };
    },
    { maxItems: request.maxChanges },
  );
  return collected.items;
}
