export type { Detection } from "./adapters";
export { adapterById, adapters, detectAdapter, detectionOrder } from "./adapters";
export type { CollectBuildInformationOptions, CollectedBuildInformation } from "./collect-build-information";
export { collectBuildInformation } from "./collect-build-information";
export { azureLoggingCommand, escapeAzureData, escapeAzureProperty } from "./logging/azure-logging-command";
export type { CiLogCommands } from "./logging/ci-log-commands";
export { detectCiLogCommands } from "./logging/ci-log-commands";
export type { CliLogger, CliLoggerOptions, LogFormat } from "./logging/create-logger";
export { createCliLogger } from "./logging/create-logger";
export {
  escapeGitHubData,
  escapeGitHubProperty,
  gitHubWorkflowCommand,
} from "./logging/github-workflow-command";
export { escapeTeamCityValue, teamCityServiceMessage } from "./logging/teamcity-service-message";
export type { OverwriteChoice } from "./settings/overwrite-mode";
export { resolveOverwriteMode } from "./settings/overwrite-mode";
