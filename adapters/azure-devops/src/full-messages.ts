import {
  getBuildServerResponse,
  type HttpClient,
  type HttpResponse,
  isBuildInfoError,
  joinUrl,
  mapWithConcurrency,
  type RawCommit,
} from "@buildinfo/core";
import { ACCESS_TOKEN_HINT, AZURE_DEVOPS_API_VERSION, type AzureDevOpsChange } from "./build-changes";
import { readAzureDevOpsJson } from "./read-json";

interface FullMessagesRequest {
  collectionUrl: string;
  projectUrl: string;
  /** `BUILD_REPOSITORY_PROVIDER`: only Azure Repos (`TfsGit`, `TfsVersionControl`) can be asked for more. */
  provider: string | undefined;
  /** `BUILD_REPOSITORY_ID`, when a change's `location` names no repository. */
  repositoryId: string | undefined;
  token: string;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
}

/**
 * The changes as commits with whole messages: a change whose `messageTruncated` is set is read again
 * from the Git commit (TfsGit) or the TFVC changeset, at most `concurrency` requests at a time.
 * Other providers' truncated messages stay as they are, with a warning.
 */
export async function withFullMessages(
  http: HttpClient,
  changes: readonly AzureDevOpsChange[],
  request: FullMessagesRequest,
  warnings: string[],
): Promise<RawCommit[]> {
  const provider = request.provider?.toLowerCase();
  const canRefetch = provider === "tfsgit" || provider === "tfsversioncontrol";
  const truncated = changes.filter((change) => change.messageTruncated === true).length;
  if (truncated > 0 && !canRefetch) {
    warnings.push(
      `${truncated} commit message(s) were cut short by the Azure DevOps changes API and cannot be read in ` +
        `full for ${request.provider ?? "this"} repositories; they are sent as the API gave them.`,
    );
  }
  return mapWithConcurrency(changes, request.concurrency ?? 8, async (change) => {
    const comment = change.message ?? "";
    if (change.messageTruncated !== true || !canRefetch) return { id: change.id, comment };
    const url =
      provider === "tfsgit"
        ? gitCommitUrl(change, request, warnings)
        : joinUrl(request.collectionUrl, `_apis/tfvc/changesets/${encodeURIComponent(change.id)}`);
    if (url === undefined) return { id: change.id, comment };
    const fullUrl = `${url}?api-version=${AZURE_DEVOPS_API_VERSION}`;
    let response: HttpResponse;
    try {
      response = await getBuildServerResponse(http, fullUrl, {
        bearerToken: request.token,
        headers: { accept: "application/json" },
        what: `the full message of ${change.id}`,
        hint: ACCESS_TOKEN_HINT,
      });
    } catch (error) {
      // Past the collection's limits the message stays as the changes API gave it; the pipeline warns.
      if (isBuildInfoError(error) && error.code === "E_COLLECTION_LIMIT") return { id: change.id, comment };
      throw error;
    }
    const full = readAzureDevOpsJson<{ comment?: string }>(
      response,
      fullUrl,
      ACCESS_TOKEN_HINT,
      request.token,
    ).comment;
    return { id: change.id, comment: full ?? comment };
  });
}

const MALFORMED_LOCATION =
  "The Azure DevOps changes API named a commit's repository with a malformed %-escape in its location; " +
  "the repository is taken from BUILD_REPOSITORY_ID instead.";

/**
 * `{project}/_apis/git/repositories/{repoId}/commits/{sha}`, the repository taken from the change's
 * `location`, or from `BUILD_REPOSITORY_ID` when the location names none or names it with a broken
 * %-escape (a bad API answer: warned about, never a crash).
 */
function gitCommitUrl(
  change: AzureDevOpsChange,
  request: FullMessagesRequest,
  warnings: string[],
): string | undefined {
  const fromLocation = /\/_apis\/git\/repositories\/([^/?#]+)\/commits\//i.exec(change.location ?? "")?.[1];
  let repositoryId = request.repositoryId;
  if (fromLocation !== undefined) {
    const decoded = decodeRepositoryId(fromLocation);
    if (decoded === undefined && !warnings.includes(MALFORMED_LOCATION)) warnings.push(MALFORMED_LOCATION);
    repositoryId = decoded ?? request.repositoryId;
  }
  if (repositoryId === undefined || repositoryId === "") return undefined;
  return joinUrl(
    request.projectUrl,
    `_apis/git/repositories/${encodeURIComponent(repositoryId)}/commits/${encodeURIComponent(change.id)}`,
  );
}

/** The %-decoded repository id, or undefined when its escapes are not valid UTF-8 percent-encoding. */
function decodeRepositoryId(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}
