/**
 * The GitHub tracker's closing-reference pattern, quirks included: `[d|s]*` and `[ed|es]*` are
 * character classes, and exactly one whitespace character follows the keyword.
 */
const closingReference =
  /(?:close[d|s]*|fix[ed|es]*|resolve[d|s]*):?\s((?:[A-Z0-9/_.-]*#|GH-|http[/A-Z:.]*\/issues\/)(\d+))/gi;

export interface GitHubReference {
  /** `#123`, `owner/repo#123`, `GH-123` or an issue URL. */
  linkData: string;
  number: string;
}

/** Every closing reference in the text, in order of appearance. */
export function parseGitHubReferences(text: string): GitHubReference[] {
  return Array.from(text.matchAll(closingReference), (match) => ({ linkData: match[1]!, number: match[2]! }));
}

/**
 * The link Octopus gives a reference (`NormalizeLinkData`): URLs as they are, `#N` under the repository,
 * `owner/repo#N` under the GitHub base URL. `GH-N` is linked under the repository here; the server's own
 * link for it is `{base}/GH-N/issues`.
 */
export function gitHubReferenceUrl(
  reference: GitHubReference,
  vcsRoot: string | undefined,
  baseUrl: string | undefined,
): string | undefined {
  const { linkData, number } = reference;
  if (/^http/i.test(linkData)) return linkData;
  if (linkData.startsWith("#") || /^GH-/i.test(linkData)) {
    const root = vcsRoot ?? baseUrl;
    return root === undefined ? undefined : `${root}/issues/${number}`;
  }
  const base = baseUrl ?? (vcsRoot === undefined ? undefined : new URL(vcsRoot).origin);
  return base === undefined
    ? undefined
    : `${base}/${linkData.slice(0, linkData.indexOf("#"))}/issues/${number}`;
}
