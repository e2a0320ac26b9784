import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withDirLock } from "../../scripts/dir-lock.mjs";
import { repoRoot } from "./workspace-files";

const script = fileURLToPath(new URL("../../scripts/ensure-system-tools.sh", import.meta.url));

/**
 * Installs the Debian tools a test runs when they are missing (see the script), or throws why not.
 * Under a lock: test files run in parallel, and a second apt-get would fail on dpkg's lock at once.
 */
export function ensureSystemTools(...tools: string[]): void {
  withDirLock(
    join(repoRoot, "node_modules", ".cache", "system-tools.lock"),
    () => {
      const result = spawnSync("sh", [script, ...tools], { encoding: "utf8" });
      if (result.status !== 0) throw new Error(result.stderr || `${script} exited with ${result.status}`);
    },
    { waitMs: 15 * 60_000 },
  );
}
