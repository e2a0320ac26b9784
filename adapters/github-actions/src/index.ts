export { githubActionsAdapter } from "./github-actions-adapter";
// The GitHub Action writes its step summary and workflow commands with these.
export { renderStepSummary, type StepSummaryInput, type StepSummaryPackage } from "./step-summary";
export { gitHubWorkflowCommand } from "./workflow-command";
