import type { BuildInformationRecord } from "@buildinfo/octopus";
import { displayLine, displayList, displayText } from "./display-text";

/**
 * One stored record for people: its fields, then work items and commits (first line of each message).
 * The record is the server's answer, so every field is shown whatever its JSON type; its identifiers
 * (Id, package, version, creation time, work item ids) are cut to one line of 120 characters.
 */
export function formatRecord(record: BuildInformationRecord): string {
  const fields: [string, unknown][] = [
    ["Id", displayLine(record.Id)],
    ["Package", `${displayLine(record.PackageId)} ${displayLine(record.Version)}`],
    ["Build environment", record.BuildEnvironment],
    ["Build number", record.BuildNumber],
    ["Build URL", record.BuildUrl],
    ["Branch", record.Branch],
    ["VCS", record.VcsType],
    ["VCS root", record.VcsRoot],
    ["Commit", record.VcsCommitNumber],
    ["Commit URL", record.VcsCommitUrl],
    ["Issue tracker", record.IssueTrackerName],
    ["Created", displayLine(record.Created)],
    ["Incomplete data", record.IncompleteDataWarning],
  ];
  const present = fields
    .map(([label, value]): [string, string] => [label, displayText(value)])
    .filter(([, value]) => value !== "");
  const width = Math.max(...present.map(([label]) => label.length));
  const lines = present.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${value}`);
  const workItems = displayList(record.WorkItems) as Partial<Record<string, unknown>>[];
  if (workItems.length > 0) {
    lines.push(`Work items (${workItems.length}):`);
    for (const item of workItems) {
      const description = displayText(item?.Description);
      const link = displayText(item?.LinkUrl);
      lines.push(
        `  ${displayLine(item?.Id)}${description ? ` ${description}` : ""}${link ? `  ${link}` : ""}`,
      );
    }
  }
  const commits = displayList(record.Commits) as Partial<Record<string, unknown>>[];
  lines.push(`Commits (${commits.length}):`);
  for (const commit of commits) {
    lines.push(
      `  ${displayText(commit?.Id).slice(0, 12)}  ${displayText(commit?.Comment).split("\n")[0] ?? ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
