import { describeValue, fromSource } from "./describe-value";
import { BuildInfoError } from "./errors";

export const invalidPackageIdMessage =
  "The package ID contains invalid characters. Examples of valid package IDs include 'MyPackage' and 'MyPackage.Sample'.";

const packageIdForm = /^[A-Za-z0-9_](?:[A-Za-z0-9_.\-:/]*[A-Za-z0-9_])?$/;
const repeatedSeparator = /[.:/]{2}/;
const packageFileForm = /\.(?:nupkg|zip|tar\.gz|tgz|tar\.bz2|tar|jar|war|ear)$/i;

/**
 * A package id as Octopus takes it: NuGet-like ids (`Acme.Web`), Maven `groupId:artifactId` and
 * container images `org/image`. A file path is refused with a hint, because Octopus would store it
 * without complaint and attach the build to nothing.
 */
export function validatePackageId(id: string, source: string): string {
  const value = id.trim();
  if (value === "") {
    throw new BuildInfoError("E_INVALID_PACKAGE_ID", `The package id${fromSource(source)} is empty.`, {
      source,
    });
  }
  if (value.includes("\\") || packageFileForm.test(value)) {
    throw new BuildInfoError(
      "E_INVALID_PACKAGE_ID",
      `The package id ${describeValue(value)}${fromSource(source)} looks like a package file, pass the package id (e.g. Acme.Web for Acme.Web.1.2.3.nupkg).`,
      { hint: "Pass the package id, not the path or file name of the package.", source },
    );
  }
  const colons = value.split(":").length - 1;
  if (!packageIdForm.test(value) || repeatedSeparator.test(value) || colons > 1) {
    throw new BuildInfoError(
      "E_INVALID_PACKAGE_ID",
      `${invalidPackageIdMessage} Got ${describeValue(value)}${fromSource(source)}.`,
      {
        hint: "Use letters, digits, '.', '-' and '_' (plus groupId:artifactId for Maven and org/image for containers), starting and ending with a letter or digit.",
        source,
      },
    );
  }
  return value;
}
