// The action's logic (GitHub's TypeScript action template layout: src/index.ts calls run()). Runs the
// buildinfo CLI to collect, then to push (whose log has a line per package as each push ends), and
// reports per package in the `records` output and the job summary.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "@actions/core";
import { type BuildInformation, isBuildInfoError } from "@buildinfo/core";
import {
  type ActionInputs,
  cliEnvironment,
  collectArguments,
  pushArguments,
  readActionInputs,
} from "./action-inputs";
import { readPushResult } from "./push-result";
import { renderStepSummary, type StepSummaryInput } from "./step-summary";

const EXIT_USAGE = 2;

export async function run(): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = readActionInputs((name) => core.getInput(name), process.env);
  } catch (error) {
    if (!isBuildInfoError(error)) throw error;
    fail(`${error.message} ${error.hint}`, EXIT_USAGE);
    return;
  }
  if (inputs.apiKey !== undefined) core.setSecret(inputs.apiKey);
  if (inputs.accessToken !== undefined) core.setSecret(inputs.accessToken);
  const cli = cliEntry();
  if (cli === undefined) {
    fail(
      "The bundled buildinfo CLI is missing: this copy of the action was not packaged (npm run package).",
      1,
    );
    return;
  }
  const env = cliEnvironment(process.env, inputs);
  const file = join(
    process.env.RUNNER_TEMP || tmpdir(),
    `buildinfo-${process.env.GITHUB_RUN_ID ?? "local"}-${process.pid}.json`,
  );

  const collected = await runCli(cli, collectArguments(inputs, file), env, false);
  if (collected.code !== 0) {
    await writeSummary({
      packages: readPushResult("", inputs.packages, inputs.version, collected.code),
      error: `Collecting the build information failed (exit ${collected.code}); nothing was pushed. See the step log.`,
    });
    fail(
      `Collecting the build information failed (exit ${collected.code}); nothing was pushed.`,
      collected.code,
    );
    return;
  }
  const buildInformation = JSON.parse(readFileSync(file, "utf8")) as BuildInformation;
  const pushed = await runCli(cli, pushArguments(inputs, file), env, true);
  const packages = readPushResult(pushed.stdout, inputs.packages, inputs.version, pushed.code);
  core.setOutput("records", JSON.stringify(packages));
  await writeSummary({
    buildInformation,
    packages,
    ...(pushed.code === 0 ? {} : { error: `Pushing failed (exit ${pushed.code}). See the step log.` }),
  });
  if (pushed.code !== 0) fail(`Pushing failed (exit ${pushed.code}): see the lines above.`, pushed.code);
}

/** Marks the step failed, keeping the CLI's exit code (2 for bad input, 1 for the server). */
function fail(message: string, code: number): void {
  core.setFailed(message);
  process.exitCode = code;
}

/**
 * The CLI: packaged, it lies next to this bundle (bundle/cli/cli.js); run from source (as
 * @github/local-action runs src/main.ts), it is the workspace's built CLI.
 */
function cliEntry(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [
    join(here, "cli", "cli.js"),
    join(here, "..", "..", "..", "packages", "cli", "dist", "cli.js"),
  ].find((candidate) => existsSync(candidate));
}

/** Runs the CLI with stderr (its log) passed through; stdout kept when it carries the --json result. */
function runCli(
  cli: string,
  args: string[],
  env: Record<string, string | undefined>,
  captureStdout: boolean,
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env,
      stdio: ["ignore", captureStdout ? "pipe" : "inherit", "inherit"],
    });
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.on("error", (error) => {
      core.error(`The buildinfo CLI could not be started: ${error.message}`);
      resolve({ code: 1, stdout });
    });
    child.on("close", (code) => resolve({ code: code ?? 1, stdout }));
  });
}

async function writeSummary(input: StepSummaryInput): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderStepSummary(input)).write();
}
