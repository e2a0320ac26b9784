import { dotnetTrim, isNullOrWhiteSpace } from "./dotnet-text";
import { lastMatchingComment, unescapedPrefixPattern } from "./release-note";

/** What Jira answers for an issue (`JiraIssue`), as the tracker reads it. */
export interface JiraIssue {
  /** The key in Jira's spelling (upper case). */
  key: string;
  summary?: string | null;
  /** `fields.comment.total`. */
  commentTotal?: number;
  /** The comments' bodies, oldest first. */
  comments?: readonly (string | null)[];
}

/**
 * A Jira work item's `Description` (`GetReleaseNote`): the last release-note comment without the prefix,
 * else the summary (else the key). docs/reference/octopus-work-items.md#descriptions
 */
export function jiraDescription(issue: JiraIssue, releaseNotePrefix: string | undefined): string {
  if ((issue.commentTotal ?? 0) === 0 || isNullOrWhiteSpace(releaseNotePrefix)) return issue.summary ?? "";
  const pattern = unescapedPrefixPattern(releaseNotePrefix);
  const releaseNote = pattern && lastMatchingComment(issue.comments ?? [], pattern);
  return pattern && !isNullOrWhiteSpace(releaseNote)
    ? dotnetTrim(releaseNote.replace(pattern, ""))
    : (issue.summary ?? issue.key);
}
