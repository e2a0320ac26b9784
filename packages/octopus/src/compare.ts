import type { BuildInformation } from "@buildinfo/core";
import { serverText } from "./server-value";
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

const text = (value: unknown) => serverText(value) ?? "";

/** Names the fields in which a stored record differs from what was sent; empty when they match. */
export function compareBuildInformation(stored: BuildInformationRecord, sent: BuildInformation): string[] {
  const differing: string[] = fields.filter((field) => text(stored[field]) !== text(sent[field]));
  const storedCommits: unknown[] = Array.isArray(stored.Commits) ? stored.Commits : [];
  const sameCommits =
    storedCommits.length === sent.Commits.length &&
    storedCommits.every((commit, i) => {
      const { Id, Comment } = (typeof commit === "object" && commit !== null ? commit : {}) as Record<
        string,
        unknown
      >;
      return Id === sent.Commits[i]?.Id && Comment === sent.Commits[i]?.Comment;
    });
  if (!sameCommits) differing.push("Commits");
  return differing;
}
