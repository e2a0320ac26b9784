import {
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
  const result = JSON.parse(text) as ResultJson;
  if (typeof result?.changes !== "object" || result.changes === null) {
    throw new Error("the result has no expanded `changes` collection");
  }
  const commits = (result.changes?.change ?? []).flatMap((change) =>
    typeof change.changesetId === "string"
      ? [{ id: change.changesetId, comment: typeof change.comment === "string" ? change.comment : "" }]
      : [],
  );
  const size = typeof result.changes?.size === "number" ? result.changes.size : commits.length;
  return { commits, size };
}

export function bambooResultUrl(baseUrl: string, resultKey: string): string {
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
