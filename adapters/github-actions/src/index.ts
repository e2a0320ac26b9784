export { type CommitPlan, type CommitPlanInput, PUSH_PAYLOAD_COMMIT_LIMIT, planCommits } from "./commit-plan";
export { COMPARE_PAGE_SIZE, type CompareCommitsRequest, compareCommits } from "./compare-commits";
export { type GitHubEventPayload, readEventPayload } from "./event-payload";
export { fetchCommit } from "./fetch-commit";
export { githubActionsAdapter } from "./github-actions-adapter";
export { renderStepSummary, type StepSummaryInput, type StepSummaryPackage } from "./step-summary";
export { escapeGitHubData, escapeGitHubProperty, gitHubWorkflowCommand } from "./workflow-command";
