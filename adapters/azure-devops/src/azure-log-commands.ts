import type { CiLogCommands } from "@buildinfo/core";
import { azureLoggingCommand } from "./azure-logging-command";

/** Azure Pipelines logging commands (`##vso[…]`, `##[group]`), read from stdout and stderr. */
export const azureLogCommands: CiLogCommands = {
  name: "Azure DevOps",
  readsStderr: true,
  active: (env) => env.TF_BUILD?.toLowerCase() === "true",
  warning: (message) => azureLoggingCommand("task.logissue", { type: "warning" }, message),
  error: (message) => azureLoggingCommand("task.logissue", { type: "error" }, message),
  startGroup: (title) => `##[group]${title.replaceAll(/[\r\n]+/g, " ")}`,
  endGroup: () => "##[endgroup]",
  failure: (summary) => azureLoggingCommand("task.complete", { result: "Failed" }, summary),
};
