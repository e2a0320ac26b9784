import { type IssueTrackers, mapBuildInformation } from "@buildinfo/core";
import type { StoredBuildInformation } from "../build-information-store";
import type { RecordView } from "./record-view";

const defined = (value: string | null) => (value === null || value === "" ? undefined : value);

/**
 * A stored record as its page shows it: the work items the server listed, then the references its trackers
 * passed over or would list only once Jira confirms them, each with why (computed again, by the same rules).
 */
export function storedRecordView(record: StoredBuildInformation, trackers: IssueTrackers): RecordView {
  const nearMisses = mapBuildInformation(record, trackers).workItems.filter(
    (item) => item.status !== "linked",
  );
  return {
    packageId: record.PackageId,
    version: record.Version,
    buildEnvironment: defined(record.BuildEnvironment),
    buildNumber: defined(record.BuildNumber),
    buildUrl: defined(record.BuildUrl),
    branch: defined(record.Branch),
    vcsType: defined(record.VcsType),
    vcsRoot: defined(record.VcsRoot),
    vcsCommitNumber: defined(record.VcsCommitNumber),
    vcsCommitUrl: defined(record.VcsCommitUrl),
    created: record.Created,
    commits: record.Commits.map((commit) => ({
      id: commit.Id,
      comment: commit.Comment,
      linkUrl: defined(commit.LinkUrl),
    })),
    workItems: [
      ...record.WorkItems.map((item) => ({
        id: item.Id,
        linkUrl: item.LinkUrl,
        description: item.Description,
        source: item.Source,
        status: "linked" as const,
      })),
      ...nearMisses,
    ],
  };
}
