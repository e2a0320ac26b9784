/**
 * One package of a release with its build information as Octopus stores it after mapping
 * (`OctopusPackageVersionBuildInformationMappedResource`: the push's answer, `GET …/build-information/{id}`):
 * the commits with their links and the work items the issue trackers listed.
 */
export interface ReleasePackage {
  PackageId: string;
  Version: string;
  BuildEnvironment?: string | null | undefined;
  BuildNumber?: string | null | undefined;
  BuildUrl?: string | null | undefined;
  Branch?: string | null | undefined;
  VcsType?: string | null | undefined;
  VcsRoot?: string | null | undefined;
  VcsCommitNumber?: string | null | undefined;
  VcsCommitUrl?: string | null | undefined;
  Commits: readonly { Id: string; Comment: string; LinkUrl?: string | null | undefined }[];
  WorkItems: readonly {
    Id: string;
    LinkUrl?: string | null | undefined;
    Source?: string | null | undefined;
    Description?: string | null | undefined;
  }[];
}

/** A release as deployment changes see it: its version, its (rendered) release notes and its packages. */
export interface ReleaseChange {
  Version: string;
  ReleaseNotes: string;
  Packages: readonly ReleasePackage[];
}

/**
 * A work item as both scopes give it: a `WorkItemLink` (`Id`, `LinkUrl`, `Source`, `Description`). Octopus's
 * docs name only `Id`, `LinkUrl` and `Description` for release packages; the items are the same objects.
 */
export function workItemLink(item: ReleasePackage["WorkItems"][number]) {
  return {
    Id: item.Id,
    LinkUrl: textOrNull(item.LinkUrl),
    Source: textOrNull(item.Source),
    Description: textOrNull(item.Description),
  };
}

/** A text field as Octopus serialises it: a missing value is null in JSON. */
export function textOrNull(value: string | null | undefined): string | null {
  return value === undefined ? null : value;
}

/**
 * Distinct by `Id`, ignoring case, the first kept: `WorkItemLink` equality (OctopusDeploy/ServerExtensibility
 * WorkItemLink.cs), which the release's and the deployment's distinct work-item lists use.
 */
export function distinctById<T extends { Id: string }>(items: Iterable<T>): T[] {
  return distinctBy(items, (item) => item.Id.toUpperCase());
}

/** The first item of each key, in order. */
export function distinctBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const kept = new Map<string, T>();
  for (const item of items) {
    const itemKey = key(item);
    if (!kept.has(itemKey)) kept.set(itemKey, item);
  }
  return [...kept.values()];
}
