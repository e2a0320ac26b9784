// The Azure DevOps task's entry (task.json `execution`, bundled to dist/task.js): runs the bundled CLI
// (dist/cli/cli.js), which writes the ##vso logging commands itself (task.complete included, when it fails),
// and exits with its code. The task completes the step itself only when the CLI did not run to an exit code.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { azureLoggingCommand } from "../azure-logging-command";
import { octopusConnection, readTaskInputs, taskEnvironment, taskPushArguments } from "./task-inputs";

function complete(message: string): void {
  console.log(azureLoggingCommand("task.complete", { result: "Failed" }, message));
}

function main(): number {
  const cli = join(dirname(fileURLToPath(import.meta.url)), "cli", "cli.js");
  if (!existsSync(cli)) {
    complete(`The bundled buildinfo CLI is missing (${cli}); this task was not packaged.`);
    return 2;
  }
  const inputs = readTaskInputs(process.env);
  const connection = octopusConnection(process.env, inputs.connectedService);
  const result = spawnSync(process.execPath, [cli, ...taskPushArguments(inputs, connection)], {
    stdio: "inherit",
    env: taskEnvironment(process.env, connection),
  });
  if (result.error) {
    complete(`The bundled buildinfo CLI could not be started: ${result.error.message}.`);
    return 1;
  }
  if (result.status === null) {
    complete(`buildinfo push was stopped by ${result.signal ?? "a signal"} before it finished.`);
    return 1;
  }
  // A CLI that ran has reported its own failure (task.logissue, then task.complete with the reason): a
  // second task.complete would replace that reason. The non-zero exit code still fails the step.
  return result.status;
}

process.exitCode = main();
