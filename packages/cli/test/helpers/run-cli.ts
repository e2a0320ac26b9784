import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The built CLI, as `bin.buildinfo` points at it. */
export const cliPath = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunCliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/**
 * Runs the real built CLI as a child process. The environment starts empty (only PATH and HOME), so
 * the build server running these tests cannot change what the CLI detects.
 */
export function runCli(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  if (!existsSync(cliPath)) {
    throw new Error(
      `${cliPath} is missing: build the CLI first (\`npm test\` builds every package; or run \`npx tsup\` in packages/cli).`,
    );
  }
  return runNodeScript(cliPath, args, options);
}

/** Runs a Node script (the CLI, or a wrapper around it) with the same near-empty environment. */
export function runNodeScript(script: string, args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  return runProcess(process.execPath, [script, ...args], options);
}

/** Runs a command (a build step's shell, a harness) with the same near-empty environment. */
export function runProcess(command: string, args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "SYSTEMROOT", "TMPDIR", "TEMP", "TMP"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value !== undefined) env[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? process.cwd(),
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
