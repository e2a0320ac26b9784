import { dotnetAnyButNewline, isNullOrWhiteSpace } from "./dotnet-text";

// OctopusDeploy/GitHubIssueTracker source/Server/WorkItems/WorkItemLinkMapper.cs, NormalizeLinkData and
// NormalizeBaseGitUrl: docs/reference/octopus-work-items.md#github-links.
const gitSshUrl = new RegExp(`^git@(?<host>${dotnetAnyButNewline}*):`, "iu");

/**
 * The `LinkUrl` Octopus gives a GitHub reference (`NormalizeLinkData`), wrong links included: a URL as
 * written; `#N` under the VcsRoot (else the base URL); anything else before `#` under the base URL, with
 * `issues` inserted after it — so `GH-12` becomes `{base}/GH-12/issues` and `AB#123` `{base}/AB/issues/123`.
 */
export function gitHubIssueLink(baseUrl: string, vcsRoot: string | undefined, linkData: string): string {
  if (isNullOrWhiteSpace(linkData)) return "";
  if (linkData.startsWith("http")) return linkData;
  let base = isNullOrWhiteSpace(vcsRoot) ? baseUrl : vcsRoot;
  const components = linkData.split("#");
  if (components[0] !== "") {
    components.splice(1, 0, "issues");
    base = baseUrl;
  } else {
    components[0] = "issues";
  }
  return `${httpsFromGitSsh(base)}/${components.join("/")}`;
}

/** `NormalizeBaseGitUrl`: `git@host:owner/repo` becomes `https://host/owner/repo`; `.git` stays. */
function httpsFromGitSsh(root: string): string {
  return root.replace(gitSshUrl, (_match, host: string) => `https://${host}/`);
}
