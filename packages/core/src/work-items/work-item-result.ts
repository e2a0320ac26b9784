/** The three issue trackers Octopus ships, by the `Source` they give their work items. */
export type WorkItemSource = "GitHub" | "Jira" | "Azure DevOps";

/**
 * `linked`: Octopus lists it (perhaps with a wrong link: see `reason`). `unconfirmed`: Octopus lists it only
 * if a connection it has confirms it (a Jira key, offline). `ignored`: Octopus does not list it.
 */
export type WorkItemStatus = "linked" | "unconfirmed" | "ignored";

/** One work item Octopus derives from a build, or a reference it passes over, and why. */
export interface WorkItemResult {
  /** `WorkItemLink.Id`: the issue number, the Jira key, the Azure DevOps id. */
  id: string;
  /** `WorkItemLink.LinkUrl`, exactly as Octopus builds it; empty when Octopus gives none. */
  linkUrl: string;
  /** `WorkItemLink.Description`, as far as it can be known here (Octopus falls back to the id). */
  description: string;
  source: WorkItemSource;
  status: WorkItemStatus;
  /** Why it has this status, or why its link or description is not what the message meant. */
  reason?: string;
  /** How to write the commit message instead. */
  suggestion?: string;
}

/** The part of a build-information record the trackers read; `BuildInformation` and stored records fit. */
export interface BuildInformationRecord {
  BuildEnvironment?: string | null | undefined;
  BuildUrl?: string | null | undefined;
  Branch?: string | null | undefined;
  VcsType?: string | null | undefined;
  VcsRoot?: string | null | undefined;
  VcsCommitNumber?: string | null | undefined;
  Commits: readonly { Id: string; Comment: string }[];
}
