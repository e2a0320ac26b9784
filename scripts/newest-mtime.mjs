import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The newest modification time of a file under `path` (0 if there is none), not counting what builds
 * and tests hold. Directories' own times are left out: a build that recreates `dist` touches them.
 */
export function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist" || entry === "test") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}
