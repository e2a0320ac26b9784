import type { LocalOctopusServer } from "@buildinfo/server";

/** The records the local server holds for one version, by package id. */
export function recordsOf(server: LocalOctopusServer, version: string) {
  return server
    .records()
    .filter((record) => record.Version === version)
    .sort((left, right) => left.PackageId.localeCompare(right.PackageId));
}

/** The body of every build-information POST the local server received, in order. */
export function pushBodies(server: LocalOctopusServer) {
  return server.requests
    .filter((request) => request.method === "POST" && request.path.endsWith("/build-information"))
    .map((request) => JSON.parse(request.body) as { PackageId: string; OverwriteMode: string });
}
