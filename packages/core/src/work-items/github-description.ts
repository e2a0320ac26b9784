import { dotnetTrim, isNullOrWhiteSpace, parseInt32 } from "./dotnet-text";
import { gitHubIssueRepository } from "./github-issue-repository";
import { lastMatchingComment, unescapedPrefixPattern } from "./release-note";

/** What GitHub answers for an issue, as the tracker reads it. */
export interface GitHubIssue {
  title: string;
  /** The issue's comment count (`Issue.Comments`). */
  commentCount: number;
  /** The comments' bodies, oldest first. */
  comments: readonly string[];
}

/** Looks an issue up (for example from GitHub's API); undefined when it cannot be had. */
export type GitHubIssueLookup = (
  repository: { owner: string; repo: string },
  issueNumber: number,
) => GitHubIssue | undefined;

/**
 * A GitHub work item's `Description` (`GetReleaseNote`): the issue of the repository Octopus picks, its
 * last release-note comment without the prefix, else its title; the issue number whenever Octopus could
 * not read the issue. docs/reference/octopus-work-items.md#descriptions
 */
export function gitHubDescription(
  vcsRoot: string | undefined,
  issueNumber: string,
  linkData: string,
  releaseNotePrefix: string | undefined,
  lookup: GitHubIssueLookup | undefined,
): string {
  const repository = gitHubIssueRepository(vcsRoot, linkData);
  const number = parseInt32(issueNumber);
  const issue = repository && number !== undefined ? lookup?.(repository, number) : undefined;
  if (issue === undefined) return issueNumber;
  if (issue.commentCount === 0 || isNullOrWhiteSpace(releaseNotePrefix)) return issue.title;
  const pattern = unescapedPrefixPattern(releaseNotePrefix);
  if (pattern === undefined) return issueNumber;
  const releaseNote = lastMatchingComment(issue.comments, pattern);
  return isNullOrWhiteSpace(releaseNote) ? issue.title : dotnetTrim(releaseNote.replace(pattern, ""));
}
