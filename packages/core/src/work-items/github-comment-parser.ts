import { dotnetDigit, dotnetWhitespace } from "./dotnet-text";

// OctopusDeploy/GitHubIssueTracker source/Server/WorkItems/CommentParser.cs, quirks kept:
// docs/reference/octopus-work-items.md#github. The keyword and its position are named for the near misses.
const closingReference = new RegExp(
  String.raw`(?<keyword>close[d|s]*|fix[ed|es]*|resolve[d|s]*):?${dotnetWhitespace}(?<linkData>(?:[A-Z0-9/_.\-]*#|GH-|http[/A-Z:.]*/issues/)(?<issueNumber>${dotnetDigit}+))`,
  "giu",
);

/** One reference Octopus's GitHub tracker reads from a commit message (its `WorkItemReference`). */
export interface GitHubReference {
  /** Group 1: `#123`, `owner/repo#123`, `GH-123` or an issues URL, as written. */
  linkData: string;
  /** Group 2: the digits. */
  issueNumber: string;
  /** The closing keyword as written, e.g. `Fixes` or the `fix` of `hotfix`. */
  keyword: string;
  /** Where the keyword starts in the message. */
  index: number;
  /** Where the link data starts in the message. */
  linkDataIndex: number;
}

/** Every closing reference in a commit message, in order, as the GitHub tracker's `CommentParser` reads them. */
export function parseGitHubReferences(comment: string): GitHubReference[] {
  return Array.from(comment.matchAll(closingReference), (match) => {
    const { keyword, linkData, issueNumber } = match.groups as Record<string, string>;
    return {
      linkData: linkData!,
      issueNumber: issueNumber!,
      keyword: keyword!,
      index: match.index,
      linkDataIndex: match.index + match[0].length - linkData!.length,
    };
  });
}
