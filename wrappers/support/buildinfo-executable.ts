import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cliBundle = fileURLToPath(new URL("../../packages/cli/dist/cli.js", import.meta.url));

/**
 * Writes `buildinfo` — the executable the native steps run (the Jenkins step's sh, the TeamCity agent
 * tool, the Bamboo script task) — into `dir`, and returns `dir`. For now a shell shim that runs the
 * workspace's built CLI with this Node; once the release helper's standalone executable lands, this
 * copies release/buildinfo-linux-x64 instead, so that the steps run what users install.
 */
export async function writeBuildinfoExecutable(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const executable = join(dir, "buildinfo");
  await writeFile(executable, `#!/bin/sh\nexec '${process.execPath}' '${cliBundle}' "$@"\n`);
  await chmod(executable, 0o755);
  return dir;
}
