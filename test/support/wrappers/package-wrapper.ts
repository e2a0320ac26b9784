import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withDirLock } from "../../../scripts/dir-lock.mjs";

const cliDist = fileURLToPath(new URL("../../../packages/cli/dist/", import.meta.url));

/**
 * Packages a CI wrapper as for a release (its `npm run package`: its own bundle, then the CLI bundle
 * next to it) and returns the path of `entry` in the staged output. Test files run in parallel: one
 * packages under a lock, and the others find the output newer than its sources and use it as it is.
 */
export function packageWrapper(wrapperDir: string, entry: string): string {
  if (!existsSync(join(cliDist, "cli.js"))) {
    throw new Error(
      `The CLI bundle is missing (${cliDist}cli.js): build the workspace first (\`npm test\` does; locally \`pnpm -r build\`).`,
    );
  }
  const entryPath = join(wrapperDir, entry);
  withDirLock(join(wrapperDir, ".packaging.lock"), () => {
    if (existsSync(entryPath) && statSync(entryPath).mtimeMs > newestSource(wrapperDir)) return;
    const packaged = spawnSync("npm", ["run", "--silent", "package"], { cwd: wrapperDir, encoding: "utf8" });
    if (packaged.status !== 0) {
      throw new Error(`Packaging ${wrapperDir} failed (exit ${packaged.status}): ${packaged.stderr}`);
    }
  });
  if (!existsSync(entryPath)) throw new Error(`Packaging ${wrapperDir} did not write ${entryPath}.`);
  return entryPath;
}

/** The newest change among what a package is made of: the wrapper's sources and manifests, and the CLI. */
function newestSource(wrapperDir: string): number {
  const sources = readdirSync(wrapperDir)
    .filter((name) => name === "src" || /\.(json|ya?ml|ts)$/.test(name))
    .map((name) => join(wrapperDir, name));
  return Math.max(...[...sources, cliDist].map(newest));
}

// Unlike scripts/newest-mtime.mjs, directories' own times count: deleting a source file must make the
// packaged output stale too.
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}
