import {
  BuildInfoError,
  getBuildServerJson,
  type HttpClient,
  type HttpRequestOptions,
  joinUrl,
  type RawCommit,
} from "@buildinfo/core";

interface BambooResultChanges {
  commits: RawCommit[];
  /** The collection's `size`: more than `commits.length` means Bamboo left some out. */
  size: number;
}

interface ResultJson {
  changes?: { size?: unknown; change?: { changesetId?: unknown; comment?: unknown }[] };
}

/** The changes of a build result's JSON; a result without the expanded collection is a remote failure. */
export function parseBambooResultChanges(result: ResultJson): BambooResultChanges {
  if (typeof result?.changes !== "object" || result.changes === null) {
    throw unreadableResult("has no expanded `changes` collection");
  }
  const commits = (result.changes?.change ?? []).flatMap((change) =>
    typeof change.changesetId === "string"
      ? [{ id: change.changesetId, comment: typeof change.comment === "string" ? change.comment : "" }]
      : [],
  );
  const size = typeof result.changes?.size === "number" ? result.changes.size : commits.length;
  return { commits, size };
}

const wrongServerHint =
  "Check that BAMBOO_URL (or bamboo_buildResultsUrl) points at Bamboo itself, not a proxy's login page.";

function unreadableResult(problem: string): BuildInfoError {
  return new BuildInfoError("E_BUILD_SERVER_RESPONSE", `The Bamboo build result ${problem}.`, {
    hint: wrongServerHint,
    source: "Bamboo REST result",
  });
}

function bambooResultUrl(baseUrl: string, resultKey: string): string {
  return `${joinUrl(baseUrl, `rest/api/latest/result/${encodeURIComponent(resultKey)}`)}?expand=changes.change`;
}

/** One request: the result with its changes expanded, as JSON. */
export async function readBambooResultChanges(
  http: HttpClient,
  baseUrl: string,
  resultKey: string,
  auth: Pick<HttpRequestOptions, "basicAuth" | "bearerToken">,
): Promise<BambooResultChanges> {
  const result = await getBuildServerJson<ResultJson>(http, bambooResultUrl(baseUrl, resultKey), {
    ...auth,
    headers: { accept: "application/json" },
    what: `the changes of ${resultKey}`,
    hint: "Set BAMBOO_TOKEN to a personal access token of a user who can view the plan (or BAMBOO_USERNAME and BAMBOO_PASSWORD).",
    notJsonHint: wrongServerHint,
  });
  return parseBambooResultChanges(result);
}
