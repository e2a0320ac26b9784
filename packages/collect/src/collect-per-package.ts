import type { CollectedBuildInformation } from "./collect-build-information";
import type { RangeFrom } from "./reread-range";

/** Where one package's commits start: a commit (and where it comes from), or why there is none to start from. */
export type PackageRangeStart = RangeFrom | { note: string };

/** One package's build information: its own range when it has a start, else the build's own. */
export interface PackageCollection {
  /** The package id, as the caller named it. */
  packageId: string;
  /** The build's collection re-read from this package's start: its `buildInformation`, warnings, degradations. */
  collected: CollectedBuildInformation;
  /** Why the build's own range was kept, when it was for lack of a start (nothing deployed yet, …). */
  notes: string[];
}

/**
 * Each package's build information from one collection: the commits since the start `startOf` gives it
 * (e.g. the commit deployed in an environment, see `deployedRangeStart` of @buildinfo/octopus), each
 * distinct start read once; a package without one keeps the build's own range (`readFrom()`), with its note.
 */
export async function collectPerPackage(
  collected: CollectedBuildInformation,
  packageIds: readonly string[],
  startOf: (packageId: string) => PackageRangeStart | Promise<PackageRangeStart>,
): Promise<PackageCollection[]> {
  const reads = new Map<string, Promise<CollectedBuildInformation>>();
  const results: PackageCollection[] = [];
  for (const packageId of packageIds) {
    const start = await startOf(packageId);
    if ("note" in start) {
      results.push({ packageId, collected: await collected.readFrom(), notes: [start.note] });
      continue;
    }
    const key = `${start.commit.trim().toLowerCase()}\n${start.source}`;
    if (!reads.has(key)) reads.set(key, collected.readFrom(start));
    results.push({ packageId, collected: await reads.get(key)!, notes: [] });
  }
  return results;
}
