#!/usr/bin/env node
// `pnpm bench`: every figure is a ratio against a baseline measured in the same run on the same
// machine, so the numbers mean something on any hardware. Absolute times are printed for context.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectBuildInformation } from "../../packages/collect/dist/index.js";
import { startOctopusServer } from "../../packages/testing/dist/index.js";
import { adapterCollection } from "./adapter-collection.mjs";
import { makeHistoryRepo } from "./history-repo.mjs";

const cli = fileURLToPath(new URL("../../packages/cli/dist/cli.js", import.meta.url));
const apiClientPush = fileURLToPath(new URL("./api-client-push.mjs", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "buildinfo-bench-"));
const rows = [];

function run(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  }
  return ms;
}

// For commands that talk to a server in this process: spawnSync would block the server's event loop.
async function runAsync(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], ...options });
  let stderr = "";
  // Read (and drop) a piped stdout as the baseline git log must: an undrained pipe would stall it.
  child.stdout?.resume();
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const [status] = await once(child, "exit");
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${status}: ${stderr.slice(0, 2000)}`);
  return ms;
}

function median(command, args, times, options) {
  run(command, args, options);
  const samples = Array.from({ length: times }, () => run(command, args, options)).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function report(name, ms, baselineName, baselineMs, target) {
  const ratio = ms / baselineMs;
  const verdict = ratio <= target ? "ok" : "OVER TARGET";
  rows.push({ name, ms, baselineName, baselineMs, ratio, target, verdict });
  process.stdout.write(
    `${name}: ${ms.toFixed(1)} ms vs ${baselineName} ${baselineMs.toFixed(1)} ms = ${ratio.toFixed(2)}x (target <= ${target}x) ${verdict}\n`,
  );
}

async function coldStart() {
  const node = median(process.execPath, ["-e", "0"], 15);
  const version = median(process.execPath, [cli, "--version"], 15);
  report("cli --version cold start", version, "node -e 0", node, 2);
}

async function interleavedMedians(times, runs) {
  for (const run of runs) await run();
  const samples = runs.map(() => []);
  for (let i = 0; i < times; i++) {
    for (const [index, run] of runs.entries()) samples[index].push(await run());
  }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

// Collection is compared with the `git log` it runs, both from this process: Node's own start-up
// (measured above) would otherwise dwarf a git log that takes tens of milliseconds. The whole CLI
// process is printed too, for context.
async function collectLargeRange() {
  const repo = makeHistoryRepo(join(scratch, "history"), 10_000);
  const range = `${repo.first}..HEAD`;
  const gitLogOnce = () =>
    runAsync("git", ["-C", repo.dir, "log", "-z", "--format=%H%x00%B", range], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  const collectOnce = async () => {
    const started = performance.now();
    const { buildInformation } = await collectBuildInformation({
      adapter: "git",
      env: {},
      cwd: repo.dir,
      since: repo.first,
      commitCap: 20_000,
    });
    if (buildInformation.Commits.length !== 10_000) throw new Error("collect lost commits");
    return performance.now() - started;
  };
  // Interleaved, so a busy moment on a 2-core machine slows both sides rather than one.
  const [gitLog, collect] = await interleavedMedians(15, [gitLogOnce, collectOnce]);
  report("collect 10,000-commit git range (library)", collect, "git log over the same range", gitLog, 1.5);
  const wholeCli = median(
    process.execPath,
    [cli, "collect", "--from", "git", "--since", repo.first, "--commit-cap", "20000"],
    5,
    { cwd: repo.dir, stdio: ["ignore", "ignore", "pipe"] },
  );
  const shell = median("git", ["-C", repo.dir, "log", "-z", "--format=%H%x00%B", range], 5, {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const node = median(process.execPath, ["-e", "0"], 5);
  process.stdout.write(
    `  for context: whole 'buildinfo collect' process ${wholeCli.toFixed(1)} ms; git log process ${shell.toFixed(1)} ms; node -e 0 ${node.toFixed(1)} ms\n`,
  );
}

async function pushFanOut() {
  const server = await startOctopusServer({ latencyMs: 40 });
  const packages = Array.from({ length: 60 }, (_, i) => ["--package-id", `Bench.Package${i}`]).flat();
  let build = 0;
  const push = (extra) => {
    build += 1;
    return runAsync(
      process.execPath,
      [
        cli,
        "push",
        ...packages,
        "--version",
        `1.0.${build}`,
        "--server",
        server.url,
        "--space",
        "Default",
        "--from",
        "git",
        "--commit-cap",
        "50",
        ...extra,
      ],
      { env: { ...process.env, OCTOPUS_API_KEY: server.apiKey } },
    );
  };
  const ours = await push([]);
  const sequential = await push(["--concurrency", "1"]);
  build += 1;
  const official = await runAsync(process.execPath, [
    apiClientPush,
    server.url,
    server.apiKey,
    "Default",
    `1.0.${build}`,
    "60",
  ]);
  await server.close();
  report("push 60 packages, 40 ms latency", ours, "same push at --concurrency 1", sequential, 0.35);
  report("push 60 packages, 40 ms latency", ours, "@octopusdeploy/api-client script", official, 1);
}

try {
  await coldStart();
  await collectLargeRange();
  await pushFanOut();
  await adapterCollection();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const over = rows.filter((row) => row.verdict !== "ok");
process.stdout.write(`\n${rows.length - over.length} of ${rows.length} benchmarks within target\n`);
