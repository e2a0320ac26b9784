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

const sourceOrder: readonly WorkItemSource[] = ["Jira", "GitHub", "Azure DevOps"];
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
  const jiraBaseUrl = withoutTrailingSlash(options.jiraBaseUrl);
  const githubBaseUrl = withoutTrailingSlash(options.githubBaseUrl);
  const vcsRoot = repositoryRoot(info.VcsRoot);
  const inAzureRepos = info.VcsRoot?.includes("/_git/") ?? false;
  const azureBuild =
    info.BuildEnvironment === "Azure DevOps" ? parseAzureDevOpsBuildUrl(info.BuildUrl) : undefined;
  const items = new Map<string, WorkItemPreview>();
  // The item is built only for a key's first mention: long histories mention the same keys often.
  const add = (key: string, commitId: string, item: () => Omit<WorkItemPreview, "CommitIds">) => {
    const existing = items.get(key);
    if (existing === undefined) items.set(key, { ...item(), CommitIds: [commitId] });
    else if (existing.CommitIds.at(-1) !== commitId) existing.CommitIds.push(commitId);
  };
  for (const commit of info.Commits) {
    for (const key of parseJiraKeys(commit.Comment)) {
      add(`Jira ${key.toUpperCase()}`, commit.Id, () => ({
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
        add(`GitHub ${linkUrl ?? reference.linkData}`, commit.Id, () => ({
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
        add(`Azure DevOps ${id}`, commit.Id, () => ({
          Id: id,
          Source: "Azure DevOps",
          Description: id,
          LinkUrl: `${azureBuild.projectUrl}/_workitems?_a=edit&id=${id}`,
          Note: `A guess from the commit message: Octopus lists the work items Azure DevOps links to build ${azureBuild.buildId ?? "(no buildId in BuildUrl)"}.`,
        }));
      }
    }
  }
  return [...items.values()].sort((a, b) => sourceOrder.indexOf(a.Source) - sourceOrder.indexOf(b.Source));
}

function withoutTrailingSlash(url: string | undefined): string | undefined {
  const value = url?.trim().replace(/\/+$/, "");
  return value === "" ? undefined : value;
}
