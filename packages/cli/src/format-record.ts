import type { BuildInformationRecord } from "@buildinfo/octopus";

/** One stored record for people: its fields, then work items and commits (first line of each message). */
export function formatRecord(record: BuildInformationRecord): string {
  const fields: [string, string | null | undefined][] = [
    ["Id", record.Id],
    ["Package", `${record.PackageId} ${record.Version}`],
    ["Build environment", record.BuildEnvironment],
    ["Build number", record.BuildNumber],
    ["Build URL", record.BuildUrl],
    ["Branch", record.Branch],
    ["VCS", record.VcsType],
    ["VCS root", record.VcsRoot],
    ["Commit", record.VcsCommitNumber],
    ["Commit URL", record.VcsCommitUrl],
    ["Issue tracker", record.IssueTrackerName],
    ["Created", record.Created],
    ["Incomplete data", record.IncompleteDataWarning],
  ];
  const present = fields.filter(
    (field): field is [string, string] => typeof field[1] === "string" && field[1] !== "",
  );
  const width = Math.max(...present.map(([label]) => label.length));
  const lines = present.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${value}`);
  const workItems = record.WorkItems ?? [];
  if (workItems.length > 0) {
    lines.push(`Work items (${workItems.length}):`);
    for (const item of workItems) {
      lines.push(
        `  ${item.Id}${item.Description ? ` ${item.Description}` : ""}${item.LinkUrl ? `  ${item.LinkUrl}` : ""}`,
      );
    }
  }
  const commits = record.Commits ?? [];
  lines.push(`Commits (${commits.length}):`);
  for (const commit of commits) {
    lines.push(`  ${commit.Id.slice(0, 12)}  ${commit.Comment.split("\n")[0] ?? ""}`);
  }
  return `${lines.join("\n")}\n`;
}
