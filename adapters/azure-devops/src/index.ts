export { azureDevOpsAdapter } from "./azure-devops-adapter";
export { azureLoggingCommand, escapeAzureData, escapeAzureProperty } from "./azure-logging-command";
export {
  ACCESS_TOKEN_HINT,
  AZURE_DEVOPS_API_VERSION,
  type AzureDevOpsChange,
  type BuildChangesRequest,
  fetchBuildChanges,
} from "./build-changes";
export { azureDevOpsBuildUrl } from "./build-url";
export { type FullMessagesRequest, withFullMessages } from "./full-messages";
