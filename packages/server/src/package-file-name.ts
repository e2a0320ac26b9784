import { isValidPackageId } from "./octopus-package-ids";
import { isValidOctopusVersion } from "./octopus-versions";

// The archive formats the built-in feed takes. https://octopus.com/docs/packaging-applications#supported-formats
const extensions = [
  ".tar.gz",
  ".tar.bz2",
  ".tgz",
  ".tbz",
  ".tar",
  ".zip",
  ".nupkg",
  ".jar",
  ".war",
  ".ear",
  ".rar",
];

/**
 * A package file's id and version from its name, `<PackageId>.<Version><extension>` (`Acme.Web.1.2.3.zip`):
 * the version starts at the first dot after which the rest is a version. Undefined for a name that is not
 * a package file.
 */
export function parsePackageFileName(
  fileName: string,
): { packageId: string; version: string; extension: string } | undefined {
  const extension = extensions.find((candidate) => fileName.toLowerCase().endsWith(candidate));
  if (extension === undefined) return undefined;
  const base = fileName.slice(0, fileName.length - extension.length);
  for (let dot = base.indexOf("."); dot > 0; dot = base.indexOf(".", dot + 1)) {
    const packageId = base.slice(0, dot);
    const version = base.slice(dot + 1);
    if (isValidOctopusVersion(version) && isValidPackageId(packageId))
      return { packageId, version, extension };
  }
  return undefined;
}
