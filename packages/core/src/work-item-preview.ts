import { parseAzureDevOpsBuildUrl } from "./azure-devops-build-url";
import type { BuildInformation } from "./build-information";
import { gitHubReferenceUrl, parseGitHubReferences } from "./github-references";
import { parseJiraKeys } from "./jira-keys";
import { repositoryRoot } from "./repository-root";

export type WorkItemSource = "Jira" | "GitHub" | "Azure DevOps";

/** A work item Octopus is expected to derive from the build, shaped like its `WorkItemLink`. */
export interface WorkItemPreview {
  Id: string;
  Source: WorkItemSource;
  Description: string;
  LinkUrl?: string;
  /** The commits whose messages reference it, in commit order. */
  CommitIds: string[];
  /** Where the preview is a guess or the server will differ. */
  Note?: string;
}

export interface WorkItemPreviewOptions {
  jiraBaseUrl?: string;
  githubBaseUrl?: string;
}

/** The first work items in full, and how many there are in all when they were counted. */
export interface WorkItemSummary {
  items: WorkItemPreview[];
  /**
   * Every item, counted; undefined when the first tracker alone had more than the limit: the items
   * shown were then settled and the rest of the history was not read (so `items`' CommitIds list only
   * the commits read).
   */
  total: number | undefined;
}

const azureDevOpsReference = /(?<![\w/#])#(\d+)\b/g;

/**
 * The work items the Octopus issue trackers would find, computed offline: Jira keys anywhere in a
 * message, GitHub closing references, and for Azure DevOps builds the `#N` mentions Azure DevOps links;
 * grouped by tracker, each in order of first mention.
 */
export function previewWorkItems(
  info: BuildInformation,
  options: WorkItemPreviewOptions = {},
): WorkItemPreview[] {
  return summarizeWorkItems(info, Number.POSITIVE_INFINITY, options).items;
}

/**
 * The first `limit` items of `previewWorkItems`, for a log: items past the limit are only counted, and
 * once Jira alone has more than `limit` (nothing after it could be shown) the history is not read
 * further. A long history's thousands of references are only shown, never sent: they should not cost
 * an object each, nor a scan of every message.
 */
export function summarizeWorkItems(
  info: BuildInformation,
  limit: number,
  options: WorkItemPreviewOptions = {},
): WorkItemSummary {
  const jiraBaseUrl = withoutTrailingSlash(options.jiraBaseUrl);
  const githubBaseUrl = withoutTrailingSlash(options.githubBaseUrl);
  const vcsRoot = repositoryRoot(info.VcsRoot);
  const inAzureRepos = info.VcsRoot?.includes("/_git/") ?? false;
  const azureBuild =
    info.BuildEnvironment === "Azure DevOps" ? parseAzureDevOpsBuildUrl(info.BuildUrl) : undefined;
  // One group per tracker, in the order they are listed; each keyed by what identifies an item there.
  const jira = new WorkItemGroup(limit);
  const gitHub = new WorkItemGroup(limit);
  const azure = new WorkItemGroup(limit);
  let settled = false;
  for (const commit of info.Commits) {
    if (jira.items.size + jira.counted.size > limit) {
      settled = true;
      break;
    }
    for (const key of parseJiraKeys(commit.Comment)) {
      jira.add(key.toUpperCase(), commit.Id, () => ({
        Id: key,
        Source: "Jira",
        Description: key,
        ...(jiraBaseUrl === undefined ? {} : { LinkUrl: `${jiraBaseUrl}/browse/${key}` }),
        Note: "Octopus keeps the key only if it exists in Jira.",
      }));
    }
    if (!inAzureRepos) {
      for (const reference of parseGitHubReferences(commit.Comment)) {
        const linkUrl = gitHubReferenceUrl(reference, vcsRoot, githubBaseUrl);
        gitHub.add(linkUrl ?? reference.linkData, commit.Id, () => ({
          Id: reference.number,
          Source: "GitHub",
          Description: reference.number,
          ...(linkUrl === undefined ? {} : { LinkUrl: linkUrl }),
          ...(/^GH-/i.test(reference.linkData)
            ? {
                Note: `Octopus links ${reference.linkData} as {GitHub base URL}/${reference.linkData}/issues.`,
              }
            : {}),
        }));
      }
    }
    if (azureBuild) {
      for (const match of commit.Comment.matchAll(azureDevOpsReference)) {
        const id = match[1]!;
        azure.add(id, commit.Id, () => ({
          Id: id,
          Source: "Azure DevOps",
          Description: id,
          LinkUrl: `${azureBuild.projectUrl}/_workitems?_a=edit&id=${id}`,
          Note: `A guess from the commit message: Octopus lists the work items Azure DevOps links to build ${azureBuild.buildId ?? "(no buildId in BuildUrl)"}.`,
        }));
      }
    }
  }
  const groups = [jira, gitHub, azure];
  return {
    items: groups.flatMap((group) => [...group.items.values()]).slice(0, limit),
    total: settled
      ? undefined
      : groups.reduce((sum, group) => sum + group.items.size + group.counted.size, 0),
  };
}

/** One tracker's items: built in full up to the limit (each only at its first mention), counted after. */
class WorkItemGroup {
  readonly items = new Map<string, WorkItemPreview>();
  readonly counted = new Set<string>();

  constructor(private readonly limit: number) {}

  add(key: string, commitId: string, item: () => Omit<WorkItemPreview, "CommitIds">): void {
    const existing = this.items.get(key);
    if (existing !== undefined) {
      if (existing.CommitIds.at(-1) !== commitId) existing.CommitIds.push(commitId);
    } else if (this.items.size < this.limit) {
      this.items.set(key, { ...item(), CommitIds: [commitId] });
    } else {
      this.counted.add(key);
    }
  }
}

function withoutTrailingSlash(url: string | undefined): string | undefined {
  const value = url?.trim().replace(/\/+$/, "");
  return value === "" ? undefined : value;
}
