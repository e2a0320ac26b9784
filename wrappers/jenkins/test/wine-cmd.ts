// A real cmd.exe for the bat path: Debian's wine64 (scripts/ensure-system-tools.sh installs it), with a
// prefix of its own set to Windows 10 — Node refuses to start on the Windows version a new prefix reports.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runProcess } from "../../../packages/cli/test/helpers/run-cli";
import { withDirLock } from "../../../scripts/dir-lock.mjs";
import { ensureSystemTools } from "../../../test/support/ensure-system-tools";
import { repoRoot } from "../../../test/support/workspace-files";

const wine = "/usr/lib/wine/wine64";
const prefix = join(repoRoot, "node_modules", ".cache", "wine-prefix");

/** The path under wine's Z: drive, which maps the Unix root. */
export function winePath(unixPath: string): string {
  return `Z:${unixPath.replace(/\//g, "\\")}`;
}

function ensurePrefix(): void {
  ensureSystemTools("wine64");
  withDirLock(`${prefix}.lock`, () => {
    if (existsSync(join(prefix, "system.reg"))) return;
    const made = spawnSync(wine, ["winecfg", "/v", "win10"], {
      env: { ...process.env, WINEPREFIX: prefix, WINEDEBUG: "-all" },
      stdio: "ignore",
    });
    if (made.status !== 0) throw new Error(`wine64 winecfg /v win10 exited with ${made.status}`);
  });
}

/**
 * Writes `script` to `dir`/step.bat as the bat step does and runs `cmd /c step.bat` in `dir` with `env`
 * (plus wine's own variables). wine's output goes to files: through a pipe it is not flushed reliably.
 */
export async function runInCmd(dir: string, script: string, env: Record<string, string>) {
  ensurePrefix();
  await writeFile(join(dir, "step.bat"), `${script}\r\n`);
  const run = await runProcess("sh", ["-c", 'exec "$0" cmd /c step.bat >stdout.txt 2>stderr.txt', wine], {
    cwd: dir,
    env: { ...env, WINEPREFIX: prefix, WINEDEBUG: "-all", LANG: "C.UTF-8" },
  });
  return {
    code: run.code,
    stdout: await readFile(join(dir, "stdout.txt"), "utf8"),
    stderr: `${run.stderr}${await readFile(join(dir, "stderr.txt"), "utf8")}`,
  };
}
