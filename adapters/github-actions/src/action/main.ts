// The GitHub Action's entry (action.yml `runs.main`, bundled to dist/action.js): runs the bundled CLI
// (dist/cli/cli.js) to collect, then to push, and appends a job summary.
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildInformation } from "@buildinfo/core";
import { renderStepSummary, type StepSummaryInput } from "../step-summary";
import { gitHubWorkflowCommand } from "../workflow-command";
import { cliEnvironment, collectArguments, pushArguments, readActionInputs } from "./action-inputs";
import { readPushResult } from "./push-result";

function main(): number {
  const cli = join(dirname(fileURLToPath(import.meta.url)), "cli", "cli.js");
  if (!existsSync(cli)) {
    console.log(
      gitHubWorkflowCommand(
        "error",
        `The bundled buildinfo CLI is missing (${cli}); this action release was not packaged.`,
        {
          title: "buildinfo",
        },
      ),
    );
    return 2;
  }
  const inputs = readActionInputs(process.env);
  if (inputs.apiKey !== undefined) console.log(`::add-mask::${inputs.apiKey}`);
  const env = cliEnvironment(process.env, inputs);
  const file = join(
    process.env.RUNNER_TEMP ?? tmpdir(),
    `buildinfo-${process.env.GITHUB_RUN_ID ?? "local"}-${process.pid}.json`,
  );

  const collected = spawnSync(process.execPath, [cli, ...collectArguments(inputs, file)], {
    stdio: "inherit",
    env,
  });
  const collectStatus = collected.status ?? 1;
  if (collectStatus !== 0) {
    writeSummary({
      packages: readPushResult("", inputs.packages, inputs.version, collectStatus),
      error: `Collecting the build information failed (exit ${collectStatus}); nothing was pushed. See the step log.`,
    });
    return collectStatus;
  }
  const buildInformation = JSON.parse(readFileSync(file, "utf8")) as BuildInformation;
  const pushed = spawnSync(process.execPath, [cli, ...pushArguments(inputs, file)], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
    encoding: "utf8",
  });
  const pushStatus = pushed.status ?? 1;
  writeSummary({
    buildInformation,
    packages: readPushResult(pushed.stdout ?? "", inputs.packages, inputs.version, pushStatus),
    ...(pushStatus === 0 ? {} : { error: `Pushing failed (exit ${pushStatus}). See the step log.` }),
  });
  return pushStatus;
}

function writeSummary(input: StepSummaryInput): void {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (path !== undefined && path !== "") appendFileSync(path, renderStepSummary(input));
}

process.exitCode = main();
