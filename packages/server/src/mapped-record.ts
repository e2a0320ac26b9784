import { type IssueTrackers, mapBuildInformation } from "@buildinfo/core";
import type { BuildInformationInput, StoredBuildInformation } from "./build-information-store";

/** What the server computes when it stores a record. */
export type MappedFields = Pick<
  StoredBuildInformation,
  "VcsCommitUrl" | "IssueTrackerName" | "WorkItems" | "Commits"
>;

/**
 * The fields Octopus computes for a record, by the core's `mapBuildInformation` and the configured issue
 * trackers: commit links, `VcsCommitUrl`, and the work items a tracker lists (those it would only list
 * after asking Jira, or passes over, are left out). `IssueTrackerName` is the source of the first work
 * item; how the real server names it when several trackers list items is not public.
 */
export function mapRecord(input: BuildInformationInput, trackers: IssueTrackers): MappedFields {
  const mapped = mapBuildInformation(input, trackers);
  const workItems = mapped.workItems
    .filter((item) => item.status === "linked")
    .map((item) => ({
      Id: item.id,
      LinkUrl: item.linkUrl,
      Source: item.source,
      Description: item.description,
    }));
  return {
    VcsCommitUrl: mapped.vcsCommitUrl ?? null,
    IssueTrackerName: workItems[0]?.Source ?? null,
    WorkItems: workItems,
    Commits: input.Commits.map((commit, index) => ({
      Id: commit.Id,
      Comment: commit.Comment,
      LinkUrl: mapped.commits[index]?.linkUrl ?? null,
    })),
  };
}
