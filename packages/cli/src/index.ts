export { azureLoggingCommand, escapeAzureData, escapeAzureProperty } from "@buildinfo/adapter-azure-devops";
export {
  escapeGitHubData,
  escapeGitHubProperty,
  gitHubWorkflowCommand,
} from "@buildinfo/adapter-github-actions";
export type { Detection } from "./adapters";
export { adapterById, adapters, detectAdapter, detectionOrder } from "./adapters";
export type { CollectBuildInformationOptions, CollectedBuildInformation } from "./collect-build-information";
export { collectBuildInformation } from "./collect-build-information";
export type { CiLogCommands } from "./logging/ci-log-commands";
export { detectCiLogCommands } from "./logging/ci-log-commands";
export type { CliLogger, CliLoggerOptions, LogFormat } from "./logging/create-logger";
export { createCliLogger } from "./logging/create-logger";
export { escapeTeamCityValue, teamCityServiceMessage } from "./logging/teamcity-service-message";
export type { OverwriteChoice } from "./settings/overwrite-mode";
export { resolveOverwriteMode } from "./settings/overwrite-mode";
