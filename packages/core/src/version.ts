import { describeValue, fromSource } from "./describe-value";
import { BuildInfoError } from "./errors";

export const invalidVersionMessage = "The version is invalid. Please supply a valid semver version number.";

const identifiers = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
const versionForm = new RegExp(`^(\\d+(?:\\.\\d+){0,3})(?:-${identifiers})?(?:\\+${identifiers})?$`);
const largestComponent = 2_147_483_647;

/**
 * A package version as Octopus parses it: SemVer 2.0 with pre-release and build metadata, plus 1, 2
 * and 4 numeric parts (`1`, `1.0`, `1.2.3.4`). A leading `v` is refused, because the version must match
 * the package's own version exactly.
 */
export function validateVersion(version: string, source: string): string {
  const value = version.trim();
  const numbers = versionForm.exec(value)?.[1];
  if (numbers?.split(".").every((part) => Number(part) <= largestComponent)) {
    return value;
  }
  const withoutV = /^v\d/i.test(value) ? value.slice(1) : undefined;
  const hint =
    withoutV !== undefined && versionForm.test(withoutV)
      ? `Drop the leading "${value[0]}": the version is ${withoutV}, the version of the package itself.`
      : "Use a SemVer 2.0 version such as 1.2.3 or 1.2.3-beta.1+build.7, or a 4-part version such as 1.2.3.4.";
  throw new BuildInfoError(
    "E_INVALID_VERSION",
    `${invalidVersionMessage} Got ${value === "" ? "an empty version" : describeValue(value)}${fromSource(source)}.`,
    { hint, source },
  );
}
