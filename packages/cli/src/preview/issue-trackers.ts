import type { IssueTrackers } from "@buildinfo/core";
import type { ServerIssueTrackers } from "@buildinfo/octopus";

/** The trackers named on the command line or in the environment: each base URL turns its tracker on. */
export interface TrackerFlags {
  githubBaseUrl?: string | undefined;
  jiraBaseUrl?: string | undefined;
  azureDevOpsBaseUrl?: string | undefined;
  /** The token the preview reads Azure DevOps with; it turns no tracker on. */
  azureDevOpsPat?: string | undefined;
  azureDevOpsReleaseNotePrefix?: string | undefined;
}

/** The trackers a preview assumes, and where that came from, for the output to say. */
export interface ResolvedTrackers {
  trackers: IssueTrackers;
  /** `flags`, `server`, or `none` (no tracker is assumed). */
  from: "flags" | "server" | "none";
  /** What could not be read, and what to do. */
  notes: string[];
}

export function hasTrackerFlags(flags: TrackerFlags): boolean {
  return [flags.githubBaseUrl, flags.jiraBaseUrl, flags.azureDevOpsBaseUrl].some((url) => url !== undefined);
}

/** Octopus keeps its base URLs without a trailing `/` (GitHubConfigurationStore trims it). */
const trimmed = (url: string) => url.trim().replace(/\/+$/, "");

export function trackersFromFlags(flags: TrackerFlags): ResolvedTrackers {
  return {
    trackers: {
      ...(flags.githubBaseUrl === undefined ? {} : { github: { baseUrl: trimmed(flags.githubBaseUrl) } }),
      ...(flags.jiraBaseUrl === undefined ? {} : { jira: { baseUrl: trimmed(flags.jiraBaseUrl) } }),
      ...(flags.azureDevOpsBaseUrl === undefined
        ? {}
        : {
            azureDevOps:
              flags.azureDevOpsReleaseNotePrefix === undefined
                ? {}
                : { releaseNotePrefix: flags.azureDevOpsReleaseNotePrefix },
          }),
    },
    from: "flags",
    notes: [],
  };
}

const flagOf = {
  github: "--github-base-url",
  jira: "--jira-base-url",
  azureDevOps: "--azure-devops-base-url",
};
const nameOf = { github: "GitHub", jira: "Jira", azureDevOps: "Azure DevOps" };

/**
 * The trackers an Octopus server has enabled, from its extension settings
 * (docs/reference/octopus-release-notes.md#the-issue-trackers-settings-through-the-api). A tracker whose
 * settings the key may not read is taken as off, and a note says which flag sets it instead.
 */
export function trackersFromServer(settings: ServerIssueTrackers): ResolvedTrackers {
  const trackers: IssueTrackers = {};
  const notes: string[] = [];
  for (const key of ["github", "jira", "azureDevOps"] as const) {
    const setting = settings[key];
    if ("unreadable" in setting) {
      notes.push(
        `The ${nameOf[key]} tracker's settings could not be read (${setting.unreadable}): it is taken as off; pass ${flagOf[key]} if Octopus has it.`,
      );
      continue;
    }
    if (!setting.IsEnabled) continue;
    const prefix =
      setting.ReleaseNotePrefix === undefined ? {} : { releaseNotePrefix: setting.ReleaseNotePrefix };
    if (key === "azureDevOps") trackers.azureDevOps = prefix;
    else trackers[key] = { baseUrl: trimmed(setting.BaseUrl ?? ""), ...prefix };
  }
  return { trackers, from: "server", notes };
}
