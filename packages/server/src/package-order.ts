import { compareOctopusVersions } from "./octopus-versions";

/**
 * Package versions as Octopus lists them: by package id (any case), newest version first; with `latest`,
 * only each package's newest version.
 */
export function byPackageNewestFirst<T extends { PackageId: string; Version: string }>(
  items: T[],
  latest: boolean,
): T[] {
  const sorted = [...items].sort(
    (left, right) =>
      left.PackageId.localeCompare(right.PackageId, "en", { sensitivity: "base" }) ||
      compareOctopusVersions(right.Version, left.Version),
  );
  if (!latest) return sorted;
  return sorted.filter(
    (item, index) =>
      index === 0 || sorted[index - 1]!.PackageId.toLowerCase() !== item.PackageId.toLowerCase(),
  );
}
