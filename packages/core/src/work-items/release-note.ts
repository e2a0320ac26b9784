// The trackers' Release Note Prefix: the last comment that starts with the prefix (case-insensitively)
// describes the work item, prefix removed. docs/reference/octopus-work-items.md#descriptions

// Patterns are global because .NET's Regex.Replace removes every match; tests use search(), which
// ignores lastIndex.

/**
 * The pattern GitHub's and Jira's trackers build, `new Regex("^" + prefix, IgnoreCase)`: the prefix is
 * a regular expression there, not text. Undefined where the pattern does not compile (.NET throws).
 */
export function unescapedPrefixPattern(prefix: string): RegExp | undefined {
  try {
    return new RegExp(`^${prefix}`, "gi");
  } catch {
    return undefined;
  }
}

/** The pattern Azure DevOps's tracker builds: `"^" + Regex.Escape(prefix)`, the prefix as text. */
export function escapedPrefixPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&")}`, "gi");
}

/** The last comment the pattern matches (`LastOrDefault`), as written. */
export function lastMatchingComment(
  comments: readonly (string | null | undefined)[],
  pattern: RegExp,
): string | undefined {
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    if (comment !== null && comment !== undefined && comment.search(pattern) !== -1) return comment;
  }
  return undefined;
}
