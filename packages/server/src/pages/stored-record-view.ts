import { type IssueTrackers, mapBuildInformation } from "@buildinfo/core";
import type { StoredBuildInformation } from "../build-information-store";
import { type RecordView, storedRecordFields } from "./record-view";

/**
 * A stored record as its page shows it: the work items the server listed, then the references its trackers
 * passed over or would list only once Jira confirms them, each with why (computed again, by the same rules).
 */
export function storedRecordView(record: StoredBuildInformation, trackers: IssueTrackers): RecordView {
  const nearMisses = mapBuildInformation(record, trackers).workItems.filter(
    (item) => item.status !== "linked",
  );
  return {
    ...storedRecordFields(record),
    commits: record.Commits.map((commit) => ({
      id: commit.Id,
      comment: commit.Comment,
      linkUrl: commit.LinkUrl ?? undefined,
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
