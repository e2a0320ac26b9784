import type { BuildInformation } from "@buildinfo/core";
import type { BuildInformationRecord } from "./types";

const fields = [
  "BuildEnvironment",
  "BuildNumber",
  "BuildUrl",
  "Branch",
  "VcsType",
  "VcsRoot",
  "VcsCommitNumber",
] as const;

const text = (value: string | null | undefined) => value ?? "";

/** Names the fields in which a stored record differs from what was sent; empty when they match. */
export function compareBuildInformation(stored: BuildInformationRecord, sent: BuildInformation): string[] {
  const differing: string[] = fields.filter((field) => text(stored[field]) !== text(sent[field]));
  const storedCommits = stored.Commits ?? [];
  const sameCommits =
    storedCommits.length === sent.Commits.length &&
    storedCommits.every(
      (commit, i) => commit.Id === sent.Commits[i]?.Id && commit.Comment === sent.Commits[i]?.Comment,
    );
  if (!sameCommits) differing.push("Commits");
  return differing;
}
