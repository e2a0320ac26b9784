import { chmod, copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ensureRelease } from "../release-build";

/**
 * The timeout of a `beforeAll` that calls writeBuildinfoExecutable: in a fresh clone it builds release/
 * (every standalone executable), which takes minutes, or waits for another test file building it.
 */
export const releaseBuildTimeout = 15 * 60_000;

/**
 * Writes `buildinfo` — the executable the native steps run (the Jenkins step's sh, the TeamCity agent
 * tool, the Bamboo script task) — into `dir`, and returns `dir`: the standalone executable of
 * `npm run release` (built first when release/ is missing or stale), so the steps run what users install.
 */
export async function writeBuildinfoExecutable(dir: string): Promise<string> {
  const release = await ensureRelease();
  await mkdir(dir, { recursive: true });
  const executable = join(dir, "buildinfo");
  await copyFile(join(release, "buildinfo-linux-x64"), executable);
  await chmod(executable, 0o755);
  return dir;
}
