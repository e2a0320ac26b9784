import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cliPath } from "../../packages/cli/test/helpers/run-cli";

const reporter = fileURLToPath(new URL("./report-peak-rss.mjs", import.meta.url));

export interface MeasuredRun {
  /** null when the process died of a signal (killed at `killAfterMs`, or aborted by V8 out of memory). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** The child's peak resident set size in bytes, as it reported it at exit; undefined if it never exited normally. */
  peakRssBytes: number | undefined;
}

export interface MeasuredRunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Kill the child (SIGKILL) if it runs longer: a safety net, not a timing assertion. */
  killAfterMs: number;
  /**
   * V8's old-space limit for the child, in MiB: a safety net on a shared machine, so a regression fails
   * as a V8 out-of-memory abort (exit code null) instead of taking gigabytes.
   */
  maxOldSpaceMiB?: number;
}

/**
 * Runs the built CLI as a child process, as `runCli` does (an environment of PATH and HOME only, plus
 * `env`), killed if it outlives `killAfterMs`, and reports its peak memory
 * (`process.resourceUsage().maxRSS`) through a preloaded module.
 */
export async function runCliMeasured(args: string[], options: MeasuredRunOptions): Promise<MeasuredRun> {
  const dir = await mkdtemp(join(tmpdir(), "buildinfo-peak-rss-"));
  const report = join(dir, "peak-rss");
  try {
    const child = spawn(
      process.execPath,
      [
        ...(options.maxOldSpaceMiB === undefined ? [] : [`--max-old-space-size=${options.maxOldSpaceMiB}`]),
        "--import",
        reporter,
        cliPath,
        ...args,
      ],
      {
        cwd: options.cwd ?? process.cwd(),
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          ...options.env,
          BUILDINFO_TEST_PEAK_RSS_FILE: report,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.killAfterMs);
    const [code] = (await once(child, "close")) as [number | null];
    clearTimeout(timer);
    const peak = await readFile(report, "utf8").catch(() => undefined);
    return { code, stdout, stderr, peakRssBytes: peak === undefined ? undefined : Number(peak) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
