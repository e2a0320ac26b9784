import {
  BuildInfoError,
  getBuildServerText,
  type HttpClient,
  type HttpRequestOptions,
  joinUrl,
  type RawCommit,
} from "@buildinfo/core";

export interface BambooResultChanges {
  commits: RawCommit[];
  /** The collection's `size`: more than `commits.length` means Bamboo left some out. */
  size: number;
}

interface ResultJson {
  changes?: { size?: unknown; change?: { changesetId?: unknown; comment?: unknown }[] };
}

export function parseBambooResultChanges(text: string): BambooResultChanges {
  let result: ResultJson;
  try {
    result = JSON.parse(text) as ResultJson;
  } catch (error) {
    throw unreadableResult("is not JSON", error);
  }
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

function unreadableResult(problem: string, cause?: unknown): BuildInfoError {
  return new BuildInfoError("E_BUILD_SERVER_RESPONSE", `The Bamboo build result ${problem}.`, {
    hint: "Check that BAMBOO_URL (or bamboo_buildResultsUrl) points at Bamboo itself, not a proxy's login page.",
    source: "Bamboo REST result",
    cause,
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
  const text = await getBuildServerText(http, bambooResultUrl(baseUrl, resultKey), {
    ...auth,
    headers: { accept: "application/json" },
    what: `the changes of ${resultKey}`,
    hint: "Set BAMBOO_TOKEN to a personal access token of a user who can view the plan (or BAMBOO_USERNAME and BAMBOO_PASSWORD).",
  });
  return parseBambooResultChanges(text);
}
