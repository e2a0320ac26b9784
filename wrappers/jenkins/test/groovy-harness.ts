// Runs the library's step with Groovy against the stubbed pipeline DSL of pipeline-stub.groovy: one JVM
// for every scenario of a file, since a JVM start costs seconds.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runProcess } from "../../../packages/cli/test/helpers/run-cli";
import { ensureSystemTools } from "../../../test/support/ensure-system-tools";

export const libraryDir = fileURLToPath(new URL("../", import.meta.url));

export interface StepCall {
  step: string;
  [key: string]: unknown;
}

export interface ScenarioResult {
  name: string;
  ok: boolean;
  error?: string;
  calls: StepCall[];
  process?: { code: number; stdout: string; stderr: string };
}

/** What the stub reads: the Jenkinsfile's parameters and the agent it runs on. */
export interface Scenario {
  name: string;
  parameters: Record<string, unknown>;
  env: Record<string, string>;
  cwd?: string;
  credentials?: Record<string, string>;
  tools?: Record<string, string>;
  unix?: boolean;
  /** Run the sh script for real. */
  execute?: boolean;
  /** What sh and bat return when not executed. */
  status?: number;
  currentBuildResult?: string;
}

/** Groovy needs JAVA_HOME, which is not set here: the home of the `java` on the PATH. */
function javaHome(): string {
  const java = execFileSync("sh", ["-c", 'readlink -f "$(command -v java)"'], { encoding: "utf8" }).trim();
  return dirname(dirname(java));
}

/** Runs every scenario through the step (scenarios.json is written to `dir`) and returns each result by name. */
export async function runScenarios(dir: string, scenarios: Scenario[]): Promise<Map<string, ScenarioResult>> {
  ensureSystemTools("groovy");
  const file = join(dir, "scenarios.json");
  await writeFile(
    file,
    JSON.stringify({ step: join(libraryDir, "vars/octopusPushBuildInformation.groovy"), scenarios }),
  );
  const run = await runProcess(
    "groovy",
    ["-cp", join(libraryDir, "test/stubs"), join(libraryDir, "test/pipeline-stub.groovy"), file],
    // UTF-8, so the scenarios file and the executed scripts' output keep their non-ASCII text.
    { env: { JAVA_HOME: javaHome(), LANG: "C.UTF-8", JAVA_OPTS: "-Dfile.encoding=UTF-8" } },
  );
  if (run.code !== 0) throw new Error(`groovy exited with ${run.code}: ${run.stderr}`);
  const results = JSON.parse(run.stdout.slice(run.stdout.indexOf("["))) as ScenarioResult[];
  return new Map(results.map((result) => [result.name, result]));
}

/** One scenario's result, or a clear failure when the harness did not report it. */
export function resultOf(results: Map<string, ScenarioResult>, name: string): ScenarioResult {
  const found = results.get(name);
  if (!found) throw new Error(`no result for scenario ${name}`);
  return found;
}

/** The sh or bat step a scenario ran, if any. */
export function scriptStep(result: ScenarioResult): StepCall | undefined {
  return result.calls.find((call) => call.step === "sh" || call.step === "bat");
}

/** The arguments the step handed buildinfo: the JSON array in BUILDINFO_STEP_ARGS of its sh/bat step. */
export function stepArguments(result: ScenarioResult): string[] {
  const env = scriptStep(result)?.boundEnv as Record<string, string> | undefined;
  const json = env?.BUILDINFO_STEP_ARGS;
  if (json === undefined) throw new Error(`${result.name}: no sh/bat step with BUILDINFO_STEP_ARGS`);
  return JSON.parse(json) as string[];
}

/** The constant scripts the step runs: nothing in them comes from a parameter. */
export const shScript =
  'command -v "$BUILDINFO_EXECUTABLE" >/dev/null 2>&1 || exit 127\n"$BUILDINFO_EXECUTABLE" --args-from-env BUILDINFO_STEP_ARGS';
export const batScript = '@"%BUILDINFO_EXECUTABLE%" --args-from-env BUILDINFO_STEP_ARGS';
