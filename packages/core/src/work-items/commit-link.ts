import { repositoryRoot } from "../repository-root";
import type { BuildInformationRecord } from "./work-item-result";

// The server computes these links in closed code; the rules are restated, with their public evidence,
// in docs/reference/octopus-commit-links.md.

/**
 * The deep link Octopus gives a commit of the record (`Commits[].LinkUrl`; for `VcsCommitNumber`,
 * `VcsCommitUrl`), or undefined where it gives none. See `commitLinker`.
 */
export function commitLinkUrl(
  record: Omit<BuildInformationRecord, "Commits">,
  commitId: string,
): string | undefined {
  return commitLinker(record)(commitId);
}

/**
 * The commit-link rule for one record, its root read once: `/commits/` on bitbucket.org, the
 * `/projects/{KEY}/repos/{slug}` form for Bitbucket Server `/scm/` roots, `/commit/` for every other Git
 * host, the changeset page for TFVC; no link for other VCS types, unusable roots or empty ids.
 */
export function commitLinker(
  record: Omit<BuildInformationRecord, "Commits">,
): (commitId: string) => string | undefined {
  const root = repositoryRoot(record.VcsRoot ?? undefined);
  const vcsType = record.VcsType?.toLowerCase();
  const template =
    root === undefined
      ? undefined
      : vcsType === "git"
        ? gitTemplate(root)
        : vcsType === "tfvc"
          ? tfvcTemplate(record, root)
          : undefined;
  return (commitId) => {
    const id = commitId.trim();
    return template === undefined || id === "" ? undefined : template(encodeURIComponent(id));
  };
}

function gitTemplate(root: string): (id: string) => string {
  const url = new URL(root);
  if (url.hostname === "bitbucket.org" || url.hostname.endsWith(".bitbucket.org"))
    return (id) => `${root}/commits/${id}`;
  const scm = /^(.*)\/scm\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (scm) {
    const repository = `${url.origin}${scm[1]}/projects/${scm[2]!.toUpperCase()}/repos/${scm[3]}`;
    return (id) => `${repository}/commits/${id}`;
  }
  return (id) => `${root}/commit/${id}`;
}

function tfvcTemplate(
  record: Omit<BuildInformationRecord, "Commits">,
  collectionUrl: string,
): ((id: string) => string) | undefined {
  const project = tfvcProject(record, collectionUrl);
  if (project === undefined) return undefined;
  const changesets = `${collectionUrl}/${encodeURIComponent(project)}/_versionControl/changeset`;
  return (id) => `${changesets}/${id}`;
}

/** The TFVC project: the segment after the collection in BuildUrl, else the top of a `$/Project/…` branch. */
function tfvcProject(
  record: Omit<BuildInformationRecord, "Commits">,
  collectionUrl: string,
): string | undefined {
  const prefix = `${collectionUrl.toLowerCase()}/`;
  const buildUrl = record.BuildUrl?.trim();
  if (buildUrl?.toLowerCase().startsWith(prefix)) {
    const segment = buildUrl.slice(prefix.length).split(/[/?#]/)[0] ?? "";
    if (segment !== "" && !segment.startsWith("_")) return safeDecode(segment);
  }
  const branchProject = /^\$\/([^/]+)/.exec(record.Branch ?? "")?.[1];
  return branchProject === undefined || branchProject === "" ? undefined : branchProject;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
