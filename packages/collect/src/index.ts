// What an embedder needs from the core to handle the result and describe its own build server.
export type {
  AdapterContext,
  AdapterManifest,
  AdapterOptions,
  BuildInformation,
  BuildInformationDraft,
  Collector,
} from "@buildinfo/core";
export { BuildInfoError, isBuildInfoError } from "@buildinfo/core";
/** An octo build-information file read, overridden, normalised and validated. */
export type { FileBuildInformation } from "./build-information-from-file";
export { buildInformationFromFile } from "./build-information-from-file";
export type { CollectBuildInformationOptions, CollectedBuildInformation } from "./collect-build-information";
/** One build's normalised, validated build information: detect, collect, resolve commits, degrade. */
export { collectBuildInformation } from "./collect-build-information";
/** The limits an embedder may set on one collection's reads from the build server (bytes, requests, time). */
export type { CollectionLimitOptions } from "./collection-budget";
export type { Degradation } from "./degrade-policy";
export type { Detection } from "./detect-adapter";
/** The server whose markers the environment carries, else the local checkout. */
export { detectAdapter } from "./detect-adapter";
/** The registry: every server's manifest, detection order, `--from` lookup and re-run markers. */
export { detectionOrder, manifestById, manifests, rerunMarker } from "./registry";
