import { type BuildInformation, previewWorkItems } from "@buildinfo/core";

/** A few log lines that tell a person what is about to be sent. */
export function describeBuildInformation(info: BuildInformation): string[] {
  const build = [
    info.BuildEnvironment,
    info.BuildNumber === undefined ? undefined : `build ${info.BuildNumber}`,
    info.BuildUrl,
  ].filter((part) => part !== undefined);
  const source = [
    info.VcsType,
    info.VcsRoot,
    info.Branch === undefined ? undefined : `branch ${info.Branch}`,
    info.VcsCommitNumber === undefined ? undefined : `commit ${info.VcsCommitNumber}`,
  ].filter((part) => part !== undefined);
  const lines = [
    `build: ${build.join(", ")}`,
    `source: ${source.join(", ")}; ${info.Commits.length} commit${info.Commits.length === 1 ? "" : "s"}`,
  ];
  // A preview only: Octopus derives the work items itself from its configured issue trackers.
  const workItems = previewWorkItems(info);
  if (workItems.length > 0) {
    const items = workItems.map((item) => `${item.Id} (${item.Source})`).join(", ");
    lines.push(`work items Octopus should link, if its issue trackers are set up: ${items}`);
  }
  return lines;
}
