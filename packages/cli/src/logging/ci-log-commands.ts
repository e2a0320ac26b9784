import { azureLoggingCommand } from "@buildinfo/adapter-azure-devops";
import { gitHubWorkflowCommand } from "@buildinfo/adapter-github-actions";
import type { Environment } from "@buildinfo/core";
import { teamCityServiceMessage } from "./teamcity-service-message";

/** A build server's native log protocol for problems and collapsible blocks. */
export interface CiLogCommands {
  readonly name: string;
  /** Whether the server also interprets commands written to stderr (TeamCity reads only stdout). */
  readonly readsStderr: boolean;
  warning(message: string): string;
  error(message: string): string;
  startGroup(title: string): string;
  endGroup(title: string): string;
  /** Marks the build step failed, where the protocol has such a command. */
  failure(summary: string): string | undefined;
}

const teamCity: CiLogCommands = {
  name: "TeamCity",
  readsStderr: false,
  warning: (message) => teamCityServiceMessage("message", { text: message, status: "WARNING" }),
  error: (message) => teamCityServiceMessage("message", { text: message, status: "ERROR" }),
  startGroup: (title) => teamCityServiceMessage("blockOpened", { name: title }),
  endGroup: (title) => teamCityServiceMessage("blockClosed", { name: title }),
  // TeamCity truncates a problem's description at 4000 characters.
  failure: (summary) => teamCityServiceMessage("buildProblem", { description: summary.slice(0, 4000) }),
};

const gitHubActions: CiLogCommands = {
  name: "GitHub Actions",
  readsStderr: true,
  warning: (message) => gitHubWorkflowCommand("warning", message, { title: "buildinfo" }),
  error: (message) => gitHubWorkflowCommand("error", message, { title: "buildinfo" }),
  startGroup: (title) => gitHubWorkflowCommand("group", title),
  endGroup: () => "::endgroup::",
  failure: () => undefined,
};

const azureDevOps: CiLogCommands = {
  name: "Azure DevOps",
  readsStderr: true,
  warning: (message) => azureLoggingCommand("task.logissue", { type: "warning" }, message),
  error: (message) => azureLoggingCommand("task.logissue", { type: "error" }, message),
  startGroup: (title) => `##[group]${title.replaceAll(/[\r\n]+/g, " ")}`,
  endGroup: () => "##[endgroup]",
  failure: (summary) => azureLoggingCommand("task.complete", { result: "Failed" }, summary),
};

/** The log protocol of the build server running us, from the variables each sets for every step. */
export function detectCiLogCommands(env: Environment): CiLogCommands | undefined {
  if (nonEmpty(env.TEAMCITY_VERSION)) return teamCity;
  if (env.GITHUB_ACTIONS === "true") return gitHubActions;
  if (env.TF_BUILD?.toLowerCase() === "true") return azureDevOps;
  return undefined;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== "";
}
