// Runs a whole process and reports its wall time and, through GNU time, its peak resident memory.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const gnuTime = "/usr/bin/time";
export const hasPeakRss = existsSync(gnuTime);
const scratch = mkdtempSync(join(tmpdir(), "buildinfo-measure-"));
const rssFile = join(scratch, "rss");
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/** { ms, rssKb }; async so a server in this process keeps answering. stdout is read and dropped. */
export async function measure([command, ...args], options = {}) {
  const argv = hasPeakRss ? [gnuTime, "-f", "%M", "-o", rssFile, command, ...args] : [command, ...args];
  const started = process.hrtime.bigint();
  const child = spawn(argv[0], argv.slice(1), { stdio: ["ignore", "pipe", "pipe"], ...options });
  let stderr = "";
  child.stdout.resume();
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const [status] = await once(child, "exit");
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (status !== 0) throw new Error(`${argv.join(" ")} exited ${status}: ${stderr.slice(0, 2000)}`);
  const rssKb = hasPeakRss ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : Number.NaN;
  return { ms, rssKb };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs every candidate `times` times, interleaved (a busy moment on a shared machine slows all of
 * them rather than one), after one warm-up round; returns each one's median time and peak memory.
 * A candidate is a function returning a measurement (several processes may add up to one sample).
 */
export async function interleaved(times, candidates) {
  for (const run of candidates) await run();
  const samples = candidates.map(() => []);
  for (let i = 0; i < times; i++) {
    for (const [index, run] of candidates.entries()) samples[index].push(await run());
  }
  return samples.map((list) => ({
    ms: median(list.map((sample) => sample.ms)),
    rssKb: median(list.map((sample) => sample.rssKb)),
  }));
}

/** Two processes one after the other, as one sample: `node -e 0` then `git log`. */
export async function sequence(...runs) {
  let ms = 0;
  let rssKb = 0;
  for (const run of runs) {
    const sample = await run();
    ms += sample.ms;
    rssKb = Math.max(rssKb, sample.rssKb);
  }
  return { ms, rssKb };
}
