import { dotnetDigit } from "./dotnet-text";

// OctopusDeploy/JiraIntegration source/Server/WorkItems/CommentParser.cs:
// (?<![A-Z0-9\$\.]-?)(?>[A-Z][A-Z0-9]+-\d+)(?![A-Z]) with IgnoreCase. JavaScript has no atomic group; a
// capturing look-ahead and a back-reference behave as one. docs/reference/octopus-work-items.md#jira
const jiraKey = new RegExp(
  String.raw`(?<![A-Z0-9$.]-?)(?=([A-Z][A-Z0-9]+-${dotnetDigit}+))\1(?![A-Z])`,
  "giu",
);

/** One key Octopus's Jira tracker reads from a commit message. */
export interface JiraKeyMatch {
  /** The key as written (any case). */
  key: string;
  index: number;
}

/** Every Jira key in a commit message, in order, as the Jira tracker's `CommentParser` reads them. */
export function parseJiraKeys(comment: string): JiraKeyMatch[] {
  // Every key holds a "-"; this test is cheaper than the pattern.
  if (!comment.includes("-")) return [];
  const keys: JiraKeyMatch[] = [];
  // exec over the shared pattern: matchAll would copy the pattern for every message.
  jiraKey.lastIndex = 0;
  for (let match = jiraKey.exec(comment); match !== null; match = jiraKey.exec(comment)) {
    keys.push({ key: match[1]!, index: match.index });
  }
  return keys;
}
