import { distinctById, type ReleasePackage, textOrNull, workItemLink } from "./release-package";

/** What else a release-notes template may read besides its packages. */
export interface ReleaseNotesContext {
  /** `Octopus.Release.Number`: the release's version. */
  releaseNumber?: string;
  /** `Octopus.Project.Name`. */
  projectName?: string;
}

/**
 * The variables Octopus gives a project's release-notes template (docs/reference/octopus-release-notes.md):
 * `Octopus.Release.Package[<id>]` with `PackageId`, `Version`, `Commits` (`CommitId`, `LinkUrl`, `Comment`)
 * and `WorkItems` (`Id`, `LinkUrl`, `Description`); `Octopus.Release.WorkItems`, distinct across packages;
 * `Octopus.Release.Builds[<n>]`, one per build, with `Packages` as a JSON array and the build's fields.
 */
export function releaseNotesVariables(
  packages: readonly ReleasePackage[],
  context: ReleaseNotesContext = {},
): Record<string, string> {
  const variables: Record<string, string> = {};
  if (context.releaseNumber !== undefined) variables["Octopus.Release.Number"] = context.releaseNumber;
  if (context.projectName !== undefined) variables["Octopus.Project.Name"] = context.projectName;
  for (const pkg of packages) {
    const prefix = `Octopus.Release.Package[${pkg.PackageId}]`;
    variables[`${prefix}.PackageId`] = pkg.PackageId;
    variables[`${prefix}.Version`] = pkg.Version;
    // The naming trap: a release package's commit id is `CommitId`; a deployment change's is `Id`.
    variables[`${prefix}.Commits`] = JSON.stringify(
      pkg.Commits.map((commit) => ({
        CommitId: commit.Id,
        LinkUrl: textOrNull(commit.LinkUrl),
        Comment: commit.Comment,
      })),
    );
    variables[`${prefix}.WorkItems`] = JSON.stringify(pkg.WorkItems.map(workItemLink));
  }
  variables["Octopus.Release.WorkItems"] = JSON.stringify(
    distinctById(packages.flatMap((pkg) => pkg.WorkItems)).map(workItemLink),
  );
  for (const [index, build] of buildsOf(packages).entries()) {
    const prefix = `Octopus.Release.Builds[${index}]`;
    variables[`${prefix}.Packages`] = JSON.stringify(build.packages);
    for (const field of buildFields) {
      const value = build.first[field];
      if (value !== undefined && value !== null) variables[`${prefix}.${field}`] = value;
    }
  }
  return variables;
}

const buildFields = [
  "BuildUrl",
  "Branch",
  "BuildEnvironment",
  "BuildNumber",
  "VcsRoot",
  "VcsType",
  "VcsCommitNumber",
  "VcsCommitUrl",
] as const;

/**
 * The release's builds: packages whose build fields are all equal came from one build (Octopus does not
 * document how it groups them; this is the reading docs/reference/octopus-release-notes.md gives).
 */
function buildsOf(packages: readonly ReleasePackage[]) {
  const builds = new Map<
    string,
    { first: ReleasePackage; packages: { PackageId: string; Version: string }[] }
  >();
  for (const pkg of packages) {
    const key = JSON.stringify(buildFields.map((field) => pkg[field] ?? null));
    const build = builds.get(key) ?? { first: pkg, packages: [] };
    build.packages.push({ PackageId: pkg.PackageId, Version: pkg.Version });
    builds.set(key, build);
  }
  return [...builds.values()];
}
