import { type GitRunner, isBuildInfoError, normalizeVcsRoot } from "@buildinfo/core";
import { findVcsRoot, type TeamCityVcsRoot } from "./teamcity-vcs-roots";

interface VcsRootChoice {
  root: TeamCityVcsRoot | undefined;
  /** Why this root, when it had to be guessed. */
  warning?: string;
}

async function checkoutOrigin(git: GitRunner): Promise<string | undefined> {
  try {
    const result = await git.run(["remote", "get-url", "origin"]);
    return result.exitCode === 0 ? result.stdout.toString("utf8").trim() : undefined;
  } catch (error) {
    // No git or no checkout: no origin to match. Anything else is a bug, reported as one.
    if (isBuildInfoError(error)) return undefined;
    throw error;
  }
}

function sameRepository(a: string, b: string): boolean {
  try {
    return normalizeVcsRoot(a)?.toLowerCase() === normalizeVcsRoot(b)?.toLowerCase();
  } catch (error) {
    // A URL normalizeVcsRoot rejects is no match; anything else is a bug.
    if (isBuildInfoError(error)) return false;
    throw error;
  }
}

/**
 * Which VCS root the build information describes: the `vcsRootId` option (`--vcs-root-id`); else the
 * only root; else the root whose URL is the checkout's `origin` (where buildinfo runs); else the first
 * root by id, with a warning that names the others.
 */
export async function chooseVcsRoot(
  roots: TeamCityVcsRoot[],
  vcsRootId: string | undefined,
  git: GitRunner,
): Promise<VcsRootChoice> {
  if (vcsRootId) return { root: findVcsRoot(roots, vcsRootId) };
  if (roots.length <= 1) return { root: roots[0] };
  const origin = await checkoutOrigin(git);
  const matching = origin
    ? roots.find((root) => root.url && sameRepository(root.url.value, origin))
    : undefined;
  if (matching) return { root: matching };
  const [first] = roots;
  return {
    root: first,
    warning:
      `The build has ${roots.length} VCS roots (${roots.map((root) => root.id).join(", ")}) and none is the ` +
      `checkout's origin; using ${first?.id}. Pass --vcs-root-id to choose.`,
  };
}
