import { BuildInfoError, validatePackageId, validateVersion } from "@buildinfo/core";
import type { Settings } from "./settings";

export interface PackageTarget {
  packageId: string;
  version: string;
}

/**
 * The packages to push, validated as Octopus validates them. Ids are de-duplicated case-insensitively,
 * as octo does, with a note of what was dropped.
 */
export function packagesFromSettings(
  { values, sources }: Settings,
  bareIds: readonly string[] = [],
): {
  packages: PackageTarget[];
  duplicates: string[];
} {
  // The Go CLI takes bare arguments as package ids too.
  const ids = [...values.packageIds, ...bareIds];
  if (ids.length === 0) {
    throw new BuildInfoError("E_USAGE", "No package id given.", {
      hint: "Pass --package-id ID once per package (e.g. --package-id Acme.Web --package-id Acme.Api).",
      source: "--package-id",
    });
  }
  const rawVersion = values.version;
  if (rawVersion === undefined) {
    throw new BuildInfoError("E_USAGE", "No package version given.", {
      hint: "Pass --version with the version of the packages, e.g. --version 1.4.2.",
      source: "--version",
    });
  }
  const version = validateVersion(rawVersion, sources.version ?? "--version");
  const seen = new Set<string>();
  const packages: PackageTarget[] = [];
  const duplicates: string[] = [];
  for (const raw of ids) {
    const packageId = validatePackageId(raw, sources.packageIds ?? "--package-id");
    const key = packageId.toLowerCase();
    if (seen.has(key)) {
      duplicates.push(packageId);
      continue;
    }
    seen.add(key);
    packages.push({ packageId, version });
  }
  return { packages, duplicates };
}
