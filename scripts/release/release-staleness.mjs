import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { newestMtime } from "../newest-mtime.mjs";

// The build configuration too: the tsconfig paths decide which sources the bundles resolve workspace
// packages to, tsup.library.ts builds every library's dist (the npm tarballs), and
// pnpm-workspace.yaml's overrides decide the dependencies installed.
const inputs = [
  "packages",
  "adapters",
  "wrappers",
  "scripts",
  "package.json",
  "pnpm-lock.yaml",
  "LICENSE",
  "tsconfig.json",
  "tsconfig.base.json",
  "tsup.library.ts",
  "pnpm-workspace.yaml",
];

/**
 * The newest modification time among the files release/ is built from: what git tracks or would
 * track under `inputs`, tests left out. Ignored files are outputs (dist/, a wrapper's packaged
 * bundle/ that its tests re-stage), so staging them does not make release/ stale. Outside a git
 * checkout, every file but node_modules, dist and test.
 */
function newestInput(root) {
  const listed = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...inputs],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (listed.status !== 0) return Math.max(...inputs.map((input) => newestMtime(join(root, input))));
  const files = listed.stdout
    .split("\0")
    .filter((file) => file !== "" && !file.split("/").includes("test"))
    .map((file) => join(root, file))
    .filter((path) => existsSync(path));
  return files.reduce((newest, path) => Math.max(newest, statSync(path).mtimeMs), 0);
}

/** Whether `<root>/release` is missing or older than anything it is built from. */
export function isReleaseStale(root) {
  const checksums = join(root, "release", "SHA256SUMS");
  if (!existsSync(checksums)) return true;
  return newestInput(root) > statSync(checksums).mtimeMs;
}
