import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const releaseDir = join(root, "release");
const checksums = join(releaseDir, "SHA256SUMS");
// Test files run in parallel: the first one to need release/ builds it, the others wait for it.
const lock = join(root, "node_modules", ".cache", "release-build.lock");

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist" || entry === "test") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(checksums)) return true;
  const inputs = ["packages", "adapters", "wrappers", "scripts", "package.json", "pnpm-lock.yaml", "LICENSE"];
  return Math.max(...inputs.map((input) => newestMtime(join(root, input)))) > statSync(checksums).mtimeMs;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `npm run release` when release/ is missing or older than any source, then returns its path. */
export async function ensureRelease(): Promise<string> {
  mkdirSync(join(lock, ".."), { recursive: true });
  for (;;) {
    if (!isStale()) return releaseDir;
    try {
      mkdirSync(lock);
    } catch {
      // A build that crashed leaves its lock behind; no build takes 15 minutes.
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      if (!isStale()) return releaseDir;
      const result = spawnSync(process.execPath, [join(root, "scripts", "release.mjs")], {
        cwd: root,
        encoding: "utf8",
      });
      if (result.status !== 0) throw new Error(`npm run release failed:\n${result.stderr}`);
      return releaseDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
