import type { AdapterContext } from "@buildinfo/core";

/** The parts of a webhook event payload (`GITHUB_EVENT_PATH`) the adapter reads; every field may be absent. */
export interface GitHubEventPayload {
  ref?: string;
  before?: string;
  after?: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
  commits?: { id: string; message: string }[];
  repository?: { default_branch?: string };
  pull_request?: {
    number?: number;
    head?: { sha?: string; ref?: string };
    base?: { sha?: string; ref?: string };
  };
  merge_group?: { head_sha?: string; base_sha?: string };
}

/** The event payload the runner wrote for this run; `{}` (with a warning) when there is none to read. */
export async function readEventPayload(
  context: AdapterContext,
  path: string | undefined,
  warnings: string[],
): Promise<GitHubEventPayload> {
  if (path === undefined || path === "") return {};
  try {
    const parsed: unknown = JSON.parse((await context.fs.readFile(path)).toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      return parsed as GitHubEventPayload;
    warnings.push(`GITHUB_EVENT_PATH (${path}) does not hold a JSON object; reading no event payload.`);
  } catch (error) {
    warnings.push(
      `GITHUB_EVENT_PATH (${path}) could not be read as JSON (${error instanceof Error ? error.message : String(error)}); ` +
        "reading no event payload.",
    );
  }
  return {};
}
