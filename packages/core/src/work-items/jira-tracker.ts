import { isNullOrWhiteSpace } from "./dotnet-text";
import { parseJiraKeys } from "./jira-comment-parser";
import { type JiraIssue, jiraDescription } from "./jira-description";
import { jiraNearMisses } from "./jira-near-misses";
import type { BuildInformationRecord, WorkItemResult } from "./work-item-result";

/** Octopus's Jira integration as configured on the server. */
export interface JiraTracker {
  /** Its Jira base URL, e.g. `https://acme.atlassian.net` (used as written). */
  baseUrl: string;
  /** Its Release Note Prefix, if set. */
  releaseNotePrefix?: string;
  /** What Jira answered for the keys (`GetIssues`); without it no key can be confirmed, so each is `unconfirmed`. */
  issues?: readonly JiraIssue[];
}

// OctopusDeploy/JiraIntegration source/Server/WorkItems/WorkItemLinkMapper.cs, Map and
// TryConvertWorkItemLinks: docs/reference/octopus-work-items.md#jira
const unconfirmedReason =
  "Octopus lists a Jira key only when its Jira connection finds the issue; that cannot be checked here.";

/** The Jira work items Octopus derives from the record's messages, then the keys it passes over. */
export function mapJiraWorkItems(
  record: BuildInformationRecord,
  tracker: JiraTracker | undefined,
): WorkItemResult[] {
  // Distinct() on strings: ordinal, so "ACME-42" and "acme-42" are two ids.
  const keys = [
    ...new Set(record.Commits.flatMap((commit) => parseJiraKeys(commit.Comment).map((match) => match.key))),
  ];
  const notRead =
    tracker === undefined
      ? "No Jira issue tracker is configured, so Octopus lists no Jira issues."
      : isNullOrWhiteSpace(tracker.baseUrl)
        ? "The Jira issue tracker has no base URL, so Octopus lists no Jira issues."
        : undefined;
  if (notRead !== undefined) {
    return keys.map((key) => ({
      id: key,
      linkUrl: "",
      description: key,
      source: "Jira",
      status: "ignored",
      reason: notRead,
    }));
  }
  const { baseUrl, releaseNotePrefix, issues } = tracker!;
  const found = new Map(issues?.map((issue) => [issue.key.toUpperCase(), issue]));
  const items = keys.map((key): WorkItemResult => {
    const linkUrl = `${baseUrl}/browse/${key}`;
    const spelling = gluedKeyNote(key) ?? gitHubStyleNote(key) ?? lowerCaseNote(key, keys, linkUrl);
    if (issues === undefined) {
      return {
        id: key,
        linkUrl,
        description: key,
        source: "Jira",
        status: "unconfirmed",
        reason: [unconfirmedReason, spelling?.reason].filter(Boolean).join(" "),
        ...(spelling && { suggestion: spelling.suggestion }),
      };
    }
    const issue = found.get(key.toUpperCase());
    if (issue === undefined) {
      return {
        id: key,
        linkUrl: "",
        description: key,
        source: "Jira",
        status: "ignored",
        reason: `Jira did not return ${key}, so Octopus drops it (it logs that it could not locate it).`,
      };
    }
    return {
      id: issue.key,
      linkUrl,
      description: jiraDescription(issue, releaseNotePrefix),
      source: "Jira",
      status: "linked",
      ...spelling,
    };
  });
  return [...items, ...jiraNearMisses(record.Commits)];
}

/** Letters or digits glued before a key in capitals: the pattern ignores case, so it reads them as part of the key. */
function gluedKeyNote(key: string): Required<Pick<WorkItemResult, "reason" | "suggestion">> | undefined {
  const glued = /^([a-z][a-z0-9]*)([A-Z][A-Z0-9]+-\p{Nd}+)$/u.exec(key);
  if (glued === null) return undefined;
  return {
    reason: `Octopus reads "${key}" as one key (its pattern ignores case), which Jira will not find: ${glued[2]} is glued to "${glued[1]}".`,
    suggestion: `Put a space or a bracket before ${glued[2]}: "${glued[1]} [${glued[2]}]".`,
  };
}

/** `GH-12` is GitHub's spelling, but it has a Jira key's shape too. */
function gitHubStyleNote(key: string): Required<Pick<WorkItemResult, "reason" | "suggestion">> | undefined {
  if (!/^GH-/i.test(key)) return undefined;
  return {
    reason: `${key} is read as a Jira key too: it has a key's shape, though it is GitHub's spelling of an issue.`,
    suggestion: `Write GitHub issues as "#${key.slice(3)}".`,
  };
}

/** A key not in Jira's capitals: Octopus reads it, links it as written, and lists it twice beside the capital spelling. */
function lowerCaseNote(
  key: string,
  keys: readonly string[],
  linkUrl: string,
): Required<Pick<WorkItemResult, "reason" | "suggestion">> | undefined {
  const capitals = key.toUpperCase();
  if (key === capitals) return undefined;
  const twice = keys.includes(capitals)
    ? ` ${capitals} is written too, so Octopus lists the issue twice.`
    : "";
  return {
    reason: `${key} is not in capitals: Octopus reads it (its pattern ignores case) and links ${linkUrl} as written.${twice}`,
    suggestion: `Write ${capitals}, as Jira does.`,
  };
}
