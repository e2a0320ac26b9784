export { githubActionsAdapter } from "./github-actions-adapter";
