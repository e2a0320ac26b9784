// What an embedder needs from the core to handle the result and write its own adapter.
export type {
  Adapter,
  AdapterContext,
  AdapterOptions,
  BuildInformation,
  BuildInformationDraft,
} from "@buildinfo/core";
export { BuildInfoError, isBuildInfoError } from "@buildinfo/core";
export type { FileBuildInformation } from "./build-information-from-file";
export { buildInformationFromFile } from "./build-information-from-file";
export type { CollectBuildInformationOptions, CollectedBuildInformation } from "./collect-build-information";
export { collectBuildInformation } from "./collect-build-information";
export type { Detection } from "./detect-adapter";
export { detectAdapter } from "./detect-adapter";
export { adapterById, adapters, detectionOrder } from "./registry";
