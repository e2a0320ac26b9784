import { compareOctopusVersions } from "./octopus-versions";

const preRelease = /^[^+]*-/;

/**
 * The releases a deployment of `deploying` to an environment brings, oldest first, as Octopus accumulates
 * them (docs/reference/octopus-release-notes.md#which-releases-a-deployment-brings): a pre-release brings only
 * itself; otherwise every full release above the one last deployed there (every one, when none was) up to
 * the one deployed, which is always last.
 */
export function releasesADeploymentBrings<T extends { Version: string }>(
  deploying: T,
  releases: readonly T[],
  lastDeployed: { Version: string } | undefined,
): T[] {
  if (preRelease.test(deploying.Version)) return [deploying];
  const between = releases.filter(
    (release) =>
      !preRelease.test(release.Version) &&
      compareOctopusVersions(release.Version, deploying.Version) < 0 &&
      (lastDeployed === undefined || compareOctopusVersions(release.Version, lastDeployed.Version) > 0),
  );
  return [...between.sort((a, b) => compareOctopusVersions(a.Version, b.Version)), deploying];
}
