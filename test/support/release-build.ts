import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot as root } from "./workspace-files";

// Test files run in parallel: the first one to need release/ builds it, the others wait for it.
const lock = join(root, "node_modules", ".cache", "release-build.lock");

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `npm run release` when release/ is missing or older than any source; returns release/'s path. */
export async function ensureRelease(): Promise<string> {
  mkdirSync(join(lock, ".."), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A build that crashed leaves its lock behind; no build takes 15 minutes.
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
    }
  }
  try {
    const result = spawnSync(process.execPath, [join(root, "scripts", "release.mjs"), "--if-stale"], {
      cwd: root,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`npm run release failed:\n${result.stderr}`);
    return join(root, "release");
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
