import { compareOctopusVersions, isValidOctopusVersion } from "./octopus-versions";

/**
 * A NuGet version range as feed searches take it (`versionRange=`): `1.2` (at least 1.2), `[1.2]` (exactly),
 * `[1.0,2.0)`, `(,2.0]`, …; undefined when it is not one. https://learn.microsoft.com/nuget/concepts/package-versioning#version-ranges
 */
export function parseVersionRange(text: string): ((version: string) => boolean) | undefined {
  const range = text.trim();
  if (isValidOctopusVersion(range)) return (version) => compareOctopusVersions(version, range) >= 0;
  const match = /^([[(])\s*([^,\])]*?)\s*(?:(,)\s*([^\])]*?)\s*)?([\])])$/.exec(range);
  if (!match) return undefined;
  const [, open, low = "", comma, high = "", close] = match;
  if (comma === undefined) {
    // `[1.2]` is the one form without a comma.
    if (open !== "[" || close !== "]" || !isValidOctopusVersion(low)) return undefined;
    return (version) => compareOctopusVersions(version, low) === 0;
  }
  if ((low !== "" && !isValidOctopusVersion(low)) || (high !== "" && !isValidOctopusVersion(high)))
    return undefined;
  return (version) => {
    if (low !== "") {
      const order = compareOctopusVersions(version, low);
      if (order < 0 || (order === 0 && open === "(")) return false;
    }
    if (high !== "") {
      const order = compareOctopusVersions(version, high);
      if (order > 0 || (order === 0 && close === ")")) return false;
    }
    return true;
  };
}
