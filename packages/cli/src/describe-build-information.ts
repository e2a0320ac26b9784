import {
  type BuildInformation,
  mapBuildInformation,
  shortenedLine,
  type WorkItemResult,
} from "@buildinfo/core";

/** More would bury the build log; the rest are counted. */
const workItemsShown = 20;

/** A few log lines that tell a person what is about to be sent. */
export function describeBuildInformation(info: BuildInformation): string[] {
  const build = [
    info.BuildEnvironment,
    info.BuildNumber === undefined ? undefined : `build ${info.BuildNumber}`,
    info.BuildUrl,
  ]
    .filter((part) => part !== undefined)
    .map(shortenedLine);
  const source = [
    info.VcsType,
    info.VcsRoot,
    info.Branch === undefined ? undefined : `branch ${info.Branch}`,
    info.VcsCommitNumber === undefined ? undefined : `commit ${info.VcsCommitNumber}`,
  ]
    .filter((part) => part !== undefined)
    .map(shortenedLine);
  const lines = [
    `build: ${build.join(", ")}`,
    `source: ${source.join(", ")}; ${info.Commits.length} commit${info.Commits.length === 1 ? "" : "s"}`,
  ];
  // A preview only: Octopus derives the work items itself from its configured issue trackers.
  const workItems = firstWorkItems(info);
  if (workItems.shown.length > 0) {
    const shown = workItems.shown.map((item) => `${item.id} (${item.source})`);
    // Uncounted when the list was settled early: a long history is not read just to count it.
    if (workItems.total === undefined) shown.push("and more");
    else if (workItems.total > shown.length) shown.push(`and ${workItems.total - shown.length} more`);
    lines.push(`work items Octopus should link, if its issue trackers are set up: ${shown.join(", ")}`);
  }
  return lines;
}

/**
 * The first work items the trackers' rules read (none is configured here, so all are "ignored" for want
 * of one), and how many there are when they were counted. Jira's come first, in order of first mention,
 * so once a prefix of the history has more Jira keys than are shown, the rest cannot change what is
 * shown and is not read (docs/performance.md).
 */
function firstWorkItems(info: BuildInformation): { shown: WorkItemResult[]; total: number | undefined } {
  for (let read = workItemsShown + 1; ; read *= 8) {
    const commits = info.Commits.slice(0, read);
    const { workItems } = mapBuildInformation({ ...info, Commits: commits });
    if (commits.length === info.Commits.length) {
      return { shown: workItems.slice(0, workItemsShown), total: workItems.length };
    }
    const jira = workItems.filter((item) => item.source === "Jira");
    if (jira.length > workItemsShown) return { shown: jira.slice(0, workItemsShown), total: undefined };
  }
}
