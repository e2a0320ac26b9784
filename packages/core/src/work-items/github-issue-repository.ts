import { dotnetAnyButNewline, dotnetWhitespace, isNullOrWhiteSpace } from "./dotnet-text";

// OctopusDeploy/GitHubIssueTracker source/Server/WorkItems/WorkItemLinkMapper.cs, GetGitHubOwnerAndRepo:
// docs/reference/octopus-work-items.md#github-descriptions.
const ownerRepoUrl = new RegExp(
  `(?:https?://)?(?:[^?/${dotnetWhitespace.slice(1, -1)}]+[?/])(${dotnetAnyButNewline}*)`,
  "iu",
);

/** A GitHub repository, as Octopus names it to ask for an issue's title. */
export interface GitHubRepository {
  owner: string;
  repo: string;
}

/**
 * The repository whose issue Octopus reads for a reference's description: `owner/repo` of the link data
 * when it has exactly one `/`, the URL's when it is a URL, else the VcsRoot's. Undefined where Octopus
 * fails (an ssh VcsRoot, a root without a repository), and then the description is the issue number.
 */
export function gitHubIssueRepository(
  vcsRoot: string | undefined,
  linkData: string,
): GitHubRepository | undefined {
  if (isNullOrWhiteSpace(linkData)) return repositoryOfUrl(vcsRoot ?? "");
  if (linkData.startsWith("http")) return repositoryOfUrl(linkData);
  const ownerRepo = linkData.split("#")[0]!;
  const parts = ownerRepo.split("/");
  if (isNullOrWhiteSpace(ownerRepo) || parts.length !== 2) return repositoryOfUrl(vcsRoot ?? "");
  const [owner, repo] = parts as [string, string];
  return isNullOrWhiteSpace(owner) || isNullOrWhiteSpace(repo) ? undefined : { owner, repo };
}

function repositoryOfUrl(url: string): GitHubRepository | undefined {
  const parts = (ownerRepoUrl.exec(url)?.[1] ?? "").split(/[/#]/);
  return parts.length < 2 ? undefined : { owner: parts[0]!, repo: parts[1]! };
}
