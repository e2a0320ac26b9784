import { type BuildInformation, shortenedLine } from "@buildinfo/core";

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
  return lines;
}
