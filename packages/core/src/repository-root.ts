import { isLocalRepositoryPath, normalizeVcsRoot } from "./vcs-root";

/** VcsRoot normalised for building links, or undefined when no link can be built from it. */
export function repositoryRoot(vcsRoot: string | undefined): string | undefined {
  if (isLocalRepositoryPath(vcsRoot)) return undefined;
  try {
    return normalizeVcsRoot(vcsRoot);
  } catch {
    return undefined;
  }
}
