import type { BuildInformation } from "./build-information";
import { repositoryRoot } from "./repository-root";

/**
 * The deep link Octopus gives a commit (and, for `VcsCommitNumber`, `VcsCommitUrl`): `/commits/` on
 * bitbucket.org, the `/projects/{KEY}/repos/{slug}` form for Bitbucket Server `/scm/` roots, the changeset
 * page for TFVC, and `/commit/` for every other Git host. Undefined when no link can be built.
 */
export function commitLinkUrl(info: BuildInformation, commitId: string): string | undefined {
  const id = commitId.trim();
  const root = repositoryRoot(info.VcsRoot);
  if (id === "" || root === undefined) return undefined;
  const encodedId = encodeURIComponent(id);
  if (info.VcsType === "TFVC") {
    const project = tfvcProject(info, root);
    return project === undefined
      ? undefined
      : `${root}/${encodeURIComponent(project)}/_versionControl/changeset/${encodedId}`;
  }
  if (info.VcsType !== "Git") return undefined;
  const url = new URL(root);
  if (url.hostname === "bitbucket.org" || url.hostname.endsWith(".bitbucket.org")) {
    return `${root}/commits/${encodedId}`;
  }
  const scm = /^(.*)\/scm\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (scm)
    return `${url.origin}${scm[1]}/projects/${scm[2]!.toUpperCase()}/repos/${scm[3]}/commits/${encodedId}`;
  return `${root}/commit/${encodedId}`;
}

/** The TFVC project: the segment after the collection in BuildUrl, else the top of a `$/Project/…` branch. */
function tfvcProject(info: BuildInformation, collectionUrl: string): string | undefined {
  const prefix = `${collectionUrl.toLowerCase()}/`;
  const buildUrl = info.BuildUrl?.trim();
  if (buildUrl?.toLowerCase().startsWith(prefix)) {
    const segment = buildUrl.slice(prefix.length).split(/[/?#]/)[0] ?? "";
    if (segment !== "" && !segment.startsWith("_")) return safeDecode(segment);
  }
  const branchProject = /^\$\/([^/]+)/.exec(info.Branch ?? "")?.[1];
  return branchProject === undefined || branchProject === "" ? undefined : branchProject;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
