// The Azure Pipelines task (task.json `execution`, bundled as CommonJS to bundle/task.cjs so that every
// Node 20 agent handler can load it): reads its inputs and the service connection through
// azure-pipelines-task-lib, then runs the CLI (bundle/cli/cli.js), which writes the ##vso logging
// commands itself (task.complete included, when it fails), and exits with its code.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isBuildInfoError } from "@buildinfo/core";
import * as im from "azure-pipelines-task-lib/internal";
import * as tl from "azure-pipelines-task-lib/task";
import { readTaskInputs, type TaskInputs, taskEnvironment, taskPushArguments } from "./task-inputs";

const EXIT_USAGE = 2;

function fail(message: string): void {
  tl.setResult(tl.TaskResult.Failed, message);
}

/**
 * An endpoint's authorization parameter, from the vault task-lib moved it to. Not through
 * tl.getEndpointAuthorizationParameter, which writes the value itself into a task.debug line.
 */
function endpointSecret(id: string, key: string): string | undefined {
  return im._vault.retrieveSecret(`ENDPOINT_AUTH_PARAMETER_${id}_${key}`) || undefined;
}

function main(): number {
  const cli = join(__dirname, "cli", "cli.js");
  if (!existsSync(cli)) {
    fail(`The bundled buildinfo CLI is missing (${cli}); this task was not packaged.`);
    return EXIT_USAGE;
  }
  let inputs: TaskInputs;
  try {
    inputs = readTaskInputs((name) => tl.getInput(name, false));
  } catch (error) {
    if (!isBuildInfoError(error)) throw error;
    fail(`${error.message} ${error.hint}`);
    return EXIT_USAGE;
  }
  // The agent names endpoint variables after the connection's id, upper-cased on some agents.
  const ids =
    inputs.connectedService === undefined
      ? []
      : [inputs.connectedService, inputs.connectedService.toUpperCase()];
  const serverUrl = ids.map((id) => tl.getEndpointUrl(id, true)).find(Boolean);
  const apiKey = ids.map((id) => endpointSecret(id, "APITOKEN")).find(Boolean);
  const jobToken = endpointSecret("SystemVssConnection", "ACCESSTOKEN");
  const result = spawnSync(process.execPath, [cli, ...taskPushArguments(inputs, serverUrl)], {
    stdio: "inherit",
    env: taskEnvironment(process.env, { apiKey, jobToken }),
  });
  if (result.error) {
    fail(`The bundled buildinfo CLI could not be started: ${result.error.message}.`);
    return 1;
  }
  if (result.status === null) {
    fail(`buildinfo push was stopped by ${result.signal ?? "a signal"} before it finished.`);
    return 1;
  }
  // A CLI that ran has reported its own failure (task.logissue, then task.complete with the reason): a
  // second task.complete would replace that reason. The non-zero exit code still fails the step.
  return result.status;
}

process.exitCode = main();
