import { spawn } from "node:child_process";

/** How one run of the plugin ended. */
export interface PluginRun {
  /** The exit code; null when it was killed. */
  exitCode: number | null;
  timedOut: boolean;
  /** Its stdout and stderr as they came, at most the last `outputLimit` characters. */
  output: string;
}

const outputLimit = 32_000;

/** The values buildinfo puts into the command: never anything from a vector. */
export interface PushTarget {
  packageId: string;
  version: string;
}

/** Only letters, digits and `.`, `-`, `_`: no shell of any platform gives these a meaning. */
const shellInert = /^[A-Za-z0-9._-]+$/;

/** The user's command with `{packageId}` and `{version}` replaced; those are buildinfo's own, shell-inert values. */
export function pluginCommandLine(template: string, target: PushTarget): string {
  for (const value of [target.packageId, target.version]) {
    if (!shellInert.test(value)) throw new Error(`${value} is not shell-inert`);
  }
  return template.replaceAll("{packageId}", target.packageId).replaceAll("{version}", target.version);
}

/** Variables of the runner's own environment a plugin needs to start at all (its PATH, its temp folder, …). */
const inheritedVariables = [
  "PATH",
  "Path",
  "PATHEXT",
  "SystemRoot",
  "SYSTEMROOT",
  "windir",
  "ComSpec",
  "TEMP",
  "TMP",
  "TMPDIR",
  "HOME",
  "USERPROFILE",
  "APPDATA",
  "LOCALAPPDATA",
  "LANG",
  "LC_ALL",
];

/**
 * The plugin's environment: a few of the runner's variables (and the `passEnv` ones), then the build's,
 * then the runner's own (Octopus and the package). No other variable of the runner reaches the plugin:
 * a CI marker of the machine running the kit would tell the plugin it runs on another server.
 */
export function pluginEnvironment(
  build: Record<string, string>,
  runner: Record<string, string>,
  passEnv: readonly string[],
): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const name of [...inheritedVariables, ...passEnv]) {
    const value = process.env[name];
    if (value !== undefined) inherited[name] = value;
  }
  return { ...inherited, ...build, ...runner };
}

/** A name a POSIX shell can hold as a variable; dash (Debian's and Ubuntu's /bin/sh) drops the others. */
const shellName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The shell the command runs in: `cmd.exe` on Windows (Node's `shell: true`), `/bin/sh` on POSIX, but
 * `bash` when the environment has names a POSIX shell cannot hold (Continua CI's `ContinuaCI.Version`):
 * bash passes them on to the plugin, dash drops them.
 */
export function shellFor(env: Record<string, string>): true | string {
  if (process.platform === "win32") return true;
  return Object.keys(env).every((name) => shellName.test(name)) ? "/bin/sh" : "bash";
}

/**
 * Runs the command through a shell (`shellFor`): `/bin/sh -c COMMAND` on POSIX, `cmd.exe /d /s /c
 * "COMMAND"` on Windows. The command is the user's (trusted); the build's values reach it only through
 * the environment. A run past `timeoutMs` is killed (on POSIX with every process it started, through
 * its process group).
 */
export function runPlugin(
  command: string,
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<PluginRun> {
  return new Promise((resolve) => {
    const posix = process.platform !== "win32";
    const child = spawn(command, {
      cwd: options.cwd,
      env: options.env,
      shell: shellFor(options.env),
      detached: posix,
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true,
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-outputLimit);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (posix && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // It ended on its own meanwhile.
      }
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, timedOut, output: `${output}${error.message}\n` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, timedOut, output });
    });
  });
}
