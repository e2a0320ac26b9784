import type { HttpClient, HttpResponse } from "../adapter";
import { mapWithConcurrency } from "../adapter-helpers/map-with-concurrency";
import { isBuildInfoError } from "../errors";
import { redactKnownSecrets, redactUrl } from "../redact";
import {
  type AzureDevOpsAnswer,
  type AzureDevOpsWorkItem,
  azureDevOpsBuildWorkItemsUrl,
  azureDevOpsWorkItemCommentsUrl,
  azureDevOpsWorkItemUrl,
  readAzureDevOpsBuildWorkItemIds,
  readAzureDevOpsWorkItem,
  readAzureDevOpsWorkItemComments,
} from "./azure-devops-api";
import { parseAzureDevOpsBuildUrl } from "./azure-devops-build-urls";
import { mostQualifiedAzureDevOpsConnection } from "./azure-devops-connection";
import type { AzureDevOpsTracker } from "./azure-devops-tracker";
import { isNullOrWhiteSpace } from "./dotnet-text";
import type { BuildInformationRecord } from "./work-item-result";

/** One Azure DevOps connection of Octopus's tracker: its base URL, personal access token and Release Note Prefix. */
export interface AzureDevOpsConnection {
  /** The organisation (or project) URL it serves: a build under it is read with its token. */
  baseUrl: string;
  /** Sent as Octopus sends it: `Authorization: Basic` of an empty user name and the token. */
  personalAccessToken?: string | undefined;
  /** Its Release Note Prefix: the last comment that starts with it describes a work item. */
  releaseNotePrefix?: string | undefined;
}

/** Bounds of one build's read, however many work items Azure DevOps links and however it answers. */
export interface AzureDevOpsReadLimits {
  /** Work items read; the build's others are left out, and a problem says how many. */
  maxItems: number;
  /** Bytes of one answer; more is a failed read. */
  maxBytes: number;
  /** Requests in flight at once. */
  concurrency: number;
}

/** What Azure DevOps answered for one build: the tracker to map it with, and what to tell about the read. */
export interface AzureDevOpsRead {
  /** The tracker to map the build with: the connection's prefix and the build's work items. */
  tracker: AzureDevOpsTracker;
  /** One line each: what failed (its status or error and the URL, credentials masked, the token never) or was left out. */
  notes: string[];
}

/**
 * Reads a build's work items from Azure DevOps with the requests Octopus's tracker makes (AdoApiClient.cs):
 * the build's work-item references, each work item, and its comments only when the connection has a
 * Release Note Prefix and the item has comments. The token goes as Octopus sends it, Basic with an empty
 * user, and only to a connection that is a base of the build's project URL; a build under none is not
 * read at all. Undefined for a build Octopus's tracker does not read (not run by Azure DevOps).
 * docs/reference/octopus-work-items.md#azure-devops
 */
export async function readAzureDevOpsWorkItems(
  http: HttpClient,
  record: BuildInformationRecord,
  connections: readonly AzureDevOpsConnection[],
  limits: AzureDevOpsReadLimits,
): Promise<AzureDevOpsRead | undefined> {
  if (record.BuildEnvironment !== "Azure DevOps" || isNullOrWhiteSpace(record.BuildUrl)) return undefined;
  const build = parseAzureDevOpsBuildUrl(record.BuildUrl);
  if (build === undefined) {
    return {
      tracker: {},
      notes: [
        `BuildUrl ${redactUrl(record.BuildUrl!)} is not …/{project}/_build/results?buildId=N: Octopus lists no Azure DevOps work items for it.`,
      ],
    };
  }
  const connection = mostQualifiedAzureDevOpsConnection(connections, build);
  if (connection === undefined) {
    return {
      tracker: {},
      notes: [
        `The build's project ${redactUrl(build.projectUrl)} is under no Azure DevOps connection (${connections.map((known) => redactUrl(known.baseUrl)).join(", ")}): Octopus would read it without a token; it is not read here, so that no token goes where it was not given for.`,
      ],
    };
  }
  const token = connection.personalAccessToken;
  const prefix = connection.releaseNotePrefix;
  const failures = new Failures();
  const get = async (url: string, what: string): Promise<AzureDevOpsAnswer | undefined> => {
    if (failures.unreachable) return undefined;
    try {
      const response = await http.get(url, {
        headers: { accept: "application/json" },
        ...(token === undefined || token === "" ? {} : { basicAuth: { username: "", password: token } }),
        maxBytes: limits.maxBytes,
      });
      if (isSignInPage(response)) {
        failures.add(what, `GET ${redactUrl(url)} answered with a sign-in page (HTTP 203)`);
        return undefined;
      }
      const failed = response.status !== 404 && (response.status < 200 || response.status > 299);
      if (failed)
        failures.add(
          what,
          `GET ${redactUrl(url)} answered HTTP ${response.status}${refused(response.status)}`,
        );
      return { status: response.status, body: jsonObject(response.text) };
    } catch (error) {
      if (!isBuildInfoError(error)) throw error;
      const message = redactKnownSecrets(error.message, token === undefined ? [] : [token]);
      failures.add(what, `GET ${redactUrl(url)} failed: ${message}`);
      // No answer (a hang, a refused connection): the rest would wait as long, so nothing more is asked.
      if (error.code === "E_TIMEOUT" || error.code === "E_NETWORK") failures.unreachable = true;
      return undefined;
    }
  };

  const refsUrl = azureDevOpsBuildWorkItemsUrl(build);
  const refsWhat = `the work items of build ${build.buildId}`;
  const refs = await get(refsUrl, refsWhat);
  const ids = refs === undefined ? undefined : readAzureDevOpsBuildWorkItemIds(refs);
  if (ids === undefined) {
    if (failures.none)
      failures.add(refsWhat, `GET ${redactUrl(refsUrl)} did not answer a list of work items`);
    return {
      tracker: {},
      notes: failures.lines("no Azure DevOps work items are shown (Octopus lists none when its read fails)"),
    };
  }
  const cut =
    ids.length === 0
      ? [`Azure DevOps links no work items to build ${build.buildId}.`]
      : ids.length > limits.maxItems
        ? [
            `Azure DevOps links ${ids.length} work items to build ${build.buildId}: only the first ${limits.maxItems} are shown.`,
          ]
        : [];
  const items = await mapWithConcurrency(ids.slice(0, limits.maxItems), limits.concurrency, async (id) => {
    const answer = await get(azureDevOpsWorkItemUrl(build.projectUrl, id), `work item ${id}`);
    const item: AzureDevOpsWorkItem = answer === undefined ? { id } : readAzureDevOpsWorkItem(id, answer);
    if (isNullOrWhiteSpace(prefix) || item.title === undefined || item.commentCount === 0) return item;
    const commentsUrl = azureDevOpsWorkItemCommentsUrl(build.projectUrl, id);
    const comments = await get(commentsUrl, `the comments of work item ${id}`);
    const texts = comments === undefined ? undefined : readAzureDevOpsWorkItemComments(comments);
    return texts === undefined ? item : { ...item, comments: texts };
  });
  return {
    tracker: { ...(prefix === undefined ? {} : { releaseNotePrefix: prefix }), buildWorkItems: items },
    notes: [
      ...cut,
      ...failures.lines(
        "as Octopus does then, a work item is described by its id, and without its comments by its title",
      ),
    ],
  };
}

/** Each kind of failed read once, with how many more failed alike: 200 refused items are one line. */
class Failures {
  unreachable = false;
  private readonly byKind = new Map<string, { first: string; what: string; more: number }>();

  get none(): boolean {
    return this.byKind.size === 0;
  }

  add(what: string, detail: string): void {
    const kind = what.replace(/\d+/g, "N");
    const known = this.byKind.get(kind);
    if (known === undefined) this.byKind.set(kind, { first: detail, what, more: 0 });
    else known.more += 1;
  }

  /** One line per kind, each ending with `consequence`. */
  lines(consequence: string): string[] {
    return [...this.byKind.values()].map(
      ({ first, what, more }) =>
        `Reading ${what} from Azure DevOps: ${first}${more === 0 ? "" : ` (and ${more} more like it)`}; ${consequence}.`,
    );
  }
}

/** Octopus's hint (HttpJsonClient.cs): the scopes its tracker's token needs. */
function refused(status: number): string {
  return status === 401 || status === 403
    ? " (the token must be authorised to read the scopes Build, Work Items and Project and Team)"
    : "";
}

/** Octopus takes a 203 HTML answer for Azure DevOps's sign-in page (a token it refused), not for data. */
function isSignInPage(response: HttpResponse): boolean {
  const type = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  return response.status === 203 && type === "text/html";
}

/** `JObject.Parse`, or null when the body is not a JSON object (Octopus reads that as an empty answer). */
function jsonObject(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}
