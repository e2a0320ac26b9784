import {
  distinctBy,
  distinctById,
  type ReleaseChange,
  type ReleasePackage,
  textOrNull,
  workItemLink,
} from "./release-package";

/**
 * Octopus's deployment changes template when the project has none (OctopusDeploy/docs
 * src/pages/docs/releases/deployment-changes.md, "Deployment changes templates").
 */
export const defaultDeploymentChangesTemplate = `#{each release in Octopus.Deployment.Changes}
**Release #{release.Version}**

#{release.ReleaseNotes}
#{each workItem in release.WorkItems}
- [#{workItem.Id}](#{workItem.LinkUrl}) - #{workItem.Description}
#{/each}
#{/each}`;

/**
 * The variables Octopus gives a deployment changes template (docs/reference/octopus-release-notes.md): the
 * releases the deployment brings, oldest first, as `Octopus.Deployment.Changes` (a JSON array of `Version`,
 * `ReleaseNotes`, `WorkItems`, `Commits` — whose commit id is `Id` — and `BuildInformation`), with
 * `Octopus.Deployment.WorkItems` and `Octopus.Deployment.PackageBuildInformation` distinct across them.
 */
export function deploymentChangesVariables(
  changes: readonly ReleaseChange[],
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const buildInformation = changes.map((change) => change.Packages.map(packageBuildInformation));
  return {
    ...extra,
    "Octopus.Deployment.Changes": JSON.stringify(
      changes.map((change, index) => ({
        Version: change.Version,
        ReleaseNotes: change.ReleaseNotes,
        WorkItems: distinctById(change.Packages.flatMap((pkg) => pkg.WorkItems)).map(workItemLink),
        Commits: distinctCommits(change.Packages).map(deploymentCommit),
        BuildInformation: buildInformation[index],
      })),
    ),
    "Octopus.Deployment.WorkItems": JSON.stringify(
      distinctById(changes.flatMap((change) => change.Packages.flatMap((pkg) => pkg.WorkItems))).map(
        workItemLink,
      ),
    ),
    "Octopus.Deployment.PackageBuildInformation": JSON.stringify(distinctPackages(buildInformation.flat())),
  };
}

function deploymentCommit(commit: ReleasePackage["Commits"][number]) {
  return { Id: commit.Id, LinkUrl: textOrNull(commit.LinkUrl), Comment: commit.Comment };
}

function packageBuildInformation(pkg: ReleasePackage) {
  return {
    PackageId: pkg.PackageId,
    Version: pkg.Version,
    BuildEnvironment: textOrNull(pkg.BuildEnvironment),
    BuildNumber: textOrNull(pkg.BuildNumber),
    BuildUrl: textOrNull(pkg.BuildUrl),
    Branch: textOrNull(pkg.Branch),
    VcsType: textOrNull(pkg.VcsType),
    VcsRoot: textOrNull(pkg.VcsRoot),
    VcsCommitNumber: textOrNull(pkg.VcsCommitNumber),
    VcsCommitUrl: textOrNull(pkg.VcsCommitUrl),
    WorkItems: pkg.WorkItems.map(workItemLink),
    // Deployment scope: `Id`, as in change.Commits (OctopusDeploy/Issues#7425 was these not being mapped).
    Commits: pkg.Commits.map(deploymentCommit),
  };
}

/** One change's commits, each once though several packages of one build list it (OctopusDeploy/Issues#8757). */
function distinctCommits(packages: readonly ReleasePackage[]) {
  return distinctBy(
    packages.flatMap((pkg) => pkg.Commits),
    (commit) => commit.Id,
  );
}

/** Each package version once (ids and versions compare ignoring case, as Octopus compares them). */
function distinctPackages<T extends { PackageId: string; Version: string }>(packages: readonly T[]): T[] {
  return distinctBy(packages, (pkg) => `${pkg.PackageId.toUpperCase()}\n${pkg.Version.toUpperCase()}`);
}
