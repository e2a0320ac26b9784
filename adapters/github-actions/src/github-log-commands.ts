import type { CiLogCommands } from "@buildinfo/core";
import { gitHubWorkflowCommand } from "./workflow-command";

/** GitHub Actions workflow commands, read from stdout and stderr of every step. */
export const githubLogCommands: CiLogCommands = {
  name: "GitHub Actions",
  readsStderr: true,
  active: (env) => env.GITHUB_ACTIONS === "true",
  warning: (message) => gitHubWorkflowCommand("warning", message, { title: "buildinfo" }),
  error: (message) => gitHubWorkflowCommand("error", message, { title: "buildinfo" }),
  startGroup: (title) => gitHubWorkflowCommand("group", title),
  endGroup: () => "::endgroup::",
  failure: () => undefined,
};
