import { type BuildInformation, shortenedLine, summarizeWorkItems } from "@buildinfo/core";

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
  const workItems = summarizeWorkItems(info, workItemsShown);
  if (workItems.items.length > 0) {
    const shown = workItems.items.map((item) => `${item.Id} (${item.Source})`);
    // Uncounted when the list was settled early: a long history is not read just to count it.
    if (workItems.total === undefined) shown.push("and more");
    else if (workItems.total > shown.length) shown.push(`and ${workItems.total - shown.length} more`);
    lines.push(`work items Octopus should link, if its issue trackers are set up: ${shown.join(", ")}`);
  }
  return lines;
}
