import { type AzureDevOpsTracker, mapAzureDevOpsWorkItems } from "./azure-devops-tracker";
import { commitLinker } from "./commit-link";
import { type GitHubTracker, mapGitHubWorkItems } from "./github-tracker";
import { type JiraTracker, mapJiraWorkItems } from "./jira-tracker";
import type { BuildInformationRecord, WorkItemResult } from "./work-item-result";

/** The issue trackers configured on the Octopus server; a tracker left out lists nothing. */
export interface IssueTrackers {
  github?: GitHubTracker;
  jira?: JiraTracker;
  azureDevOps?: AzureDevOpsTracker;
}

/** What Octopus computes from a build-information record when it stores it. */
export interface MappedBuildInformation {
  /** `VcsCommitUrl`: the link of `VcsCommitNumber`. */
  vcsCommitUrl: string | undefined;
  /** Each commit's `LinkUrl`, in the record's order. */
  commits: { id: string; linkUrl: string | undefined }[];
  /**
   * Jira's, then GitHub's, then Azure DevOps's work items: for each tracker what Octopus lists, in its
   * order, then what it passes over (status `ignored`).
   */
  workItems: WorkItemResult[];
}

/**
 * Maps a build-information record as the Octopus server does: commit links and the work items of each
 * configured issue tracker, with near misses explained. docs/reference/octopus-work-items.md
 */
export function mapBuildInformation(
  record: BuildInformationRecord,
  trackers: IssueTrackers = {},
): MappedBuildInformation {
  const link = commitLinker(record);
  return {
    vcsCommitUrl: record.VcsCommitNumber ? link(record.VcsCommitNumber) : undefined,
    commits: record.Commits.map((commit) => ({ id: commit.Id, linkUrl: link(commit.Id) })),
    workItems: [
      ...mapJiraWorkItems(record, trackers.jira),
      ...mapGitHubWorkItems(record, trackers.github),
      ...mapAzureDevOpsWorkItems(record, trackers.azureDevOps),
    ],
  };
}
