import { dotnetDigit } from "./dotnet-text";
import { parseJiraKeys } from "./jira-comment-parser";
import type { WorkItemResult } from "./work-item-result";

// Capitals that look like a Jira key to a person, which Octopus's pattern skips because of what touches
// them. docs/reference/octopus-work-items.md#near-misses
const lookalike = new RegExp(`[A-Z][A-Z0-9]+-${dotnetDigit}+`, "gu");

/** Key-like text Octopus's Jira tracker does not read: right after a letter, digit, `$` or `.`, or followed by a letter. */
export function jiraNearMisses(commits: readonly { Comment: string }[]): WorkItemResult[] {
  const results = new Map<string, WorkItemResult>();
  for (const { Comment: comment } of commits) {
    const read = parseJiraKeys(comment).map(
      (match) => [match.index, match.index + match.key.length] as const,
    );
    for (const match of comment.matchAll(lookalike)) {
      const key = match[0];
      const end = match.index + key.length;
      if (results.has(key) || read.some(([start, stop]) => start < end && match.index < stop)) continue;
      const touching = /[A-Za-z0-9$.]-?$/.exec(comment.slice(Math.max(0, match.index - 2), match.index))?.[0];
      const after = comment[end];
      const why =
        touching !== undefined
          ? {
              reason: `${key} follows "${touching}", and Octopus's Jira pattern skips a key right after a letter, digit, "$" or "." (so that test.TST-01.com is no key).`,
              suggestion: `Put a space or a bracket before it: "[${key}]".`,
            }
          : {
              reason: `${key} is followed by "${after}", and Octopus's Jira pattern skips a key followed by a letter.`,
              suggestion: `Put a space or a bracket after it: "[${key}]".`,
            };
      results.set(key, { id: key, linkUrl: "", description: key, source: "Jira", status: "ignored", ...why });
    }
  }
  return [...results.values()];
}
