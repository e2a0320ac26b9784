// VersionParseFunction.cs: the parts of a version as Octopus.Versioning's OctopusVersionParser reads it
// (docs/reference/octostache.md#versions). A value that is not a version makes Octostache throw.

import { RE2JS } from "re2js";
import { TemplateEvaluationError } from "../binding";

// OctopusVersionParser.VersionRegex, in RE2's syntax (it is run on every value, so it must not backtrack).
const versionPattern = RE2JS.compile(
  String.raw`^\s*(?:\s*(?P<prefix>v|V)?\s*(?P<major>\d+\b)\s*(?:\.\s*(?P<minor>\d+\b)\s*)?(?:\.\s*(?P<patch>\d+\b)\s*)?(?:\.\s*(?P<revision>\d+\b)\s*)?)?(?:[.\-_\\])?(?P<prerelease>(?P<prereleaseprefix>[A-Za-z0-9]*?)(?:[.\-_\\](?P<prereleasecounter>[A-Za-z0-9.\-_\\]*?)?)?)?(?:\+(?P<buildmetadata>[A-Za-z0-9_\-.\\+]*?))?\s*$`,
);

type Part =
  | "major"
  | "minor"
  | "patch"
  | "revision"
  | "prerelease"
  | "prereleaseprefix"
  | "prereleasecounter"
  | "buildmetadata";

function versionPart(part: Part) {
  const numeric = part === "major" || part === "minor" || part === "patch" || part === "revision";
  return (argument: string | null): string | null => {
    if (argument === null) return null;
    if (argument.trim() === "") throw new TemplateEvaluationError("The version can not be an empty string");
    const matcher = versionPattern.matcher(argument);
    if (!matcher.find()) throw new TemplateEvaluationError(`The supplied version was not valid: ${argument}`);
    const value = matcher.group(part);
    if (!numeric) return value ?? "";
    const number = Number(value ?? "0");
    if (number > 2147483647) {
      throw new TemplateEvaluationError(
        `Failed to parse the version ${argument.trim()} because the major, minor, patch or revision fields were too large.`,
      );
    }
    return String(number);
  };
}

export const versionMajor = versionPart("major");
export const versionMinor = versionPart("minor");
export const versionPatch = versionPart("patch");
export const versionRevision = versionPart("revision");
export const versionPreRelease = versionPart("prerelease");
export const versionPreReleasePrefix = versionPart("prereleaseprefix");
export const versionPreReleaseCounter = versionPart("prereleasecounter");
export const versionMetadata = versionPart("buildmetadata");
