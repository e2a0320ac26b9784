// The Azure DevOps task's entry (task.json `execution`, bundled to dist/task.js): runs the bundled CLI
// (dist/cli/cli.js), which writes the ##vso logging commands itself, and fails the task on a non-zero exit.
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
  const status = result.status ?? 1;
  if (status !== 0) complete(`buildinfo push exited with ${status}.`);
  return status;
}

process.exitCode = main();
