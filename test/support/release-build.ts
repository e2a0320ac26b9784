import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { withDirLock } from "../../scripts/dir-lock.mjs";
import { repoRoot as root } from "./workspace-files";

/**
 * Runs `npm run release` when release/ is missing or older than a source, and returns release/'s path.
 * Under a lock: two test runs at once build it once, the second finding it up to date.
 */
export function ensureRelease(): string {
  return withDirLock(
    join(root, "node_modules", ".cache", "release-build.lock"),
    () => {
      const result = spawnSync(process.execPath, [join(root, "scripts", "release.mjs"), "--if-stale"], {
        cwd: root,
        encoding: "utf8",
      });
      if (result.status !== 0)
        throw new Error(`scripts/release.mjs --if-stale (npm run release) failed:\n${result.stderr}`);
      return join(root, "release");
    },
    { waitMs: 15 * 60_000 },
  );
}
