import { dotnetDigit, dotnetWhitespace } from "./dotnet-text";

// OctopusDeploy/GitHubIssueTracker source/Server/WorkItems/CommentParser.cs, quirks kept:
// docs/reference/octopus-work-items.md#github. The keyword is captured too, for the near misses.
const closingReference = new RegExp(
  String.raw`(close[d|s]*|fix[ed|es]*|resolve[d|s]*):?${dotnetWhitespace}((?:[A-Z0-9/_.\-]*#|GH-|http[/A-Z:.]*/issues/)(${dotnetDigit}+))`,
  "giu",
);
// Every match holds one of these; most commit messages hold none, and this test is cheaper than the pattern.
const mayHoldReference = /#|gh-|\/issues\//iu;

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
  /** The whole commit message. */
  comment: string;
}

/** Every closing reference in a commit message, in order, as the GitHub tracker's `CommentParser` reads them. */
export function parseGitHubReferences(comment: string): GitHubReference[] {
  if (!mayHoldReference.test(comment)) return [];
  const references: GitHubReference[] = [];
  // exec over the shared pattern: matchAll would copy the pattern for every message.
  closingReference.lastIndex = 0;
  for (let match = closingReference.exec(comment); match !== null; match = closingReference.exec(comment)) {
    const [whole, keyword, linkData, issueNumber] = match as unknown as [string, string, string, string];
    references.push({
      linkData,
      issueNumber,
      keyword,
      index: match.index,
      linkDataIndex: match.index + whole.length - linkData.length,
      comment,
    });
  }
  return references;
}
