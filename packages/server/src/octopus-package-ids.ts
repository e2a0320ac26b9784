/**
 * Package ids as the build-information API accepts them: NuGet-like ids (`Acme.Web`), plus `:` for
 * Maven (`com.acme:web`) and `/` for container images (`acme/web`). Like the real server it stores a
 * file name such as `Acme.Web.1.0.0.zip` without complaint.
 */
const packageIdForm = /^[A-Za-z0-9_](?:[A-Za-z0-9_.\-:/]*[A-Za-z0-9_])?$/;
const repeatedSeparator = /[.:/]{2}/;

export function isValidPackageId(id: string): boolean {
  return packageIdForm.test(id) && !repeatedSeparator.test(id) && id.split(":").length <= 2;
}
