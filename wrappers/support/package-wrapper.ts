import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cliBundle = fileURLToPath(new URL("../../packages/cli/dist/cli.js", import.meta.url));

/**
 * Packages a CI wrapper as for a release (its `npm run package`: its own bundle, then the CLI bundle
 * next to it) and returns the path of `entry` in the staged output.
 */
export function packageWrapper(wrapperDir: string, entry: string): string {
  if (!existsSync(cliBundle)) {
    throw new Error(
      `The CLI bundle is missing (${cliBundle}): build the workspace first (\`npm test\` does; locally \`pnpm -r build\`).`,
    );
  }
  const packaged = spawnSync("npm", ["run", "--silent", "package"], { cwd: wrapperDir, encoding: "utf8" });
  if (packaged.status !== 0) {
    throw new Error(`Packaging ${wrapperDir} failed (exit ${packaged.status}): ${packaged.stderr}`);
  }
  const entryPath = join(wrapperDir, entry);
  if (!existsSync(entryPath)) throw new Error(`Packaging ${wrapperDir} did not write ${entryPath}.`);
  return entryPath;
}
