export { azureDevOpsAdapter } from "./azure-devops-adapter";
