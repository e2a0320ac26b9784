// The pinned pnpm: the one on PATH when it is that version, otherwise through npx. Shared by the
// scripts that must work on a fresh clone with only Node and npm.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

// The version package.json's packageManager pins (pnpm@X.Y.Z), so it is written in one place.
const PNPM_VERSION = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
).packageManager.replace(/^pnpm@/, "");
let chosen;

/** The command and the leading arguments that run pnpm PNPM_VERSION; pnpm on PATH is asked once per process. */
export function pnpmCommand() {
  if (chosen === undefined) {
    const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
    chosen =
      probe.status === 0 && probe.stdout.trim() === PNPM_VERSION
        ? ["pnpm", []]
        : ["npx", ["-y", `pnpm@${PNPM_VERSION}`]];
  }
  return chosen;
}
