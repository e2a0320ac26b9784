import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cliBundle = fileURLToPath(new URL("../../packages/cli/dist/cli.js", import.meta.url));

/**
 * Packages a CI wrapper (the GitHub Action, the Azure DevOps task) as for a release: copies the built
 * CLI bundle next to the wrapper's entry. Returns the entry's path.
 */
export function packageWrapper(packageDir: string, entry: string, what: string): string {
  const entryPath = join(packageDir, entry);
  for (const [path, name] of [
    [entryPath, `The ${what}'s entry`],
    [cliBundle, "The CLI bundle"],
  ] as const) {
    if (!existsSync(path)) {
      throw new Error(
        `${name} is missing (${path}): build the workspace first (\`npm test\` does; locally \`pnpm -r build\`).`,
      );
    }
  }
  const packaged = spawnSync(process.execPath, ["../../scripts/copy-cli-bundle.mjs", entry], {
    cwd: packageDir,
    encoding: "utf8",
  });
  if (packaged.status !== 0) {
    throw new Error(`Packaging the ${what} failed (exit ${packaged.status}): ${packaged.stderr}`);
  }
  return entryPath;
}
