export { azureDevOpsAdapter } from "./azure-devops-adapter";
// The Azure DevOps task writes its own logging commands with it.
export { azureLoggingCommand } from "./azure-logging-command";
