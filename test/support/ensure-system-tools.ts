import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("../../scripts/ensure-system-tools.sh", import.meta.url));

/** Installs the Debian tools a test runs when they are missing (see the script), or throws why not. */
export function ensureSystemTools(...tools: string[]): void {
  const result = spawnSync("sh", [script, ...tools], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr || `${script} exited with ${result.status}`);
}
