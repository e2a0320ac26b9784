#!/usr/bin/env node
// Makes a fresh clone usable with nothing but Node and npm: installs the workspace with the pinned
// pnpm (through npx when it is not on PATH) and builds whatever is out of date. `npm test`,
// `npm run demo` and `npm run bench` start here, so the README's commands work on a new machine.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { newestMtime } from "./newest-mtime.mjs";
import { pnpmCommand } from "./pnpm-command.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const skipBuild = process.argv.includes("--no-build");

function say(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[setup] error: ${message}\n`);
  process.exit(2);
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(
    `Node ${process.versions.node} is too old: buildinfo needs Node >= 20.19. Install a newer Node 20 or 22.`,
  );
}

function runPnpm(args) {
  const [command, prefix] = pnpmCommand();
  say(`${command} ${[...prefix, ...args].join(" ")}`);
  const result = spawnSync(command, [...prefix, ...args], {
    cwd: root,
    stdio: ["ignore", process.stderr, process.stderr],
    shell: process.platform === "win32",
  });
  if (result.status !== 0) fail(`pnpm ${args.join(" ")} exited with ${result.status ?? result.signal}.`);
}

function packageDirs() {
  return ["packages", "adapters"].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => join(root, group, name)),
  );
}

// The library packages build with this shared config: changing it makes them all out of date.
const sharedBuildConfig = join(root, "tsup.library.ts");

function isStale(dir) {
  const built = join(dir, "dist");
  if (!existsSync(built)) return true;
  return Math.max(newestMtime(dir), newestMtime(sharedBuildConfig)) > statSync(built).mtimeMs;
}

const installMarker = join(root, "node_modules", ".modules.yaml");
const lockfile = join(root, "pnpm-lock.yaml");
if (!existsSync(installMarker) || statSync(lockfile).mtimeMs > statSync(installMarker).mtimeMs) {
  runPnpm(["install", "--frozen-lockfile"]);
}

if (!skipBuild) {
  const stale = packageDirs().filter(isStale);
  if (stale.length > 0) runPnpm(["-r", "build"]);
  else say("every package is built and up to date");
}
