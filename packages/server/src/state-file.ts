import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { BuildInfoError } from "@buildinfo/core";

/** What `persistPath` holds: each part of the server's state under its own key. */
export interface PersistedState {
  /** The build-information records and the next record number (the first format; still read). */
  nextId: number;
  records: unknown[];
  /** Projects, environments, releases, deployments, … (absent in files written before they existed). */
  deploy?: unknown;
}

/** The largest `--persist` file read at start, as for `--file`: far above a local server's records. */
const maxPersistFileBytes = 64 * 1024 * 1024;

/** The JSON file the server's state is loaded from and written to, atomically, after each change. */
export class StateFile {
  readonly initial: PersistedState | undefined;

  constructor(private readonly path: string | undefined) {
    this.initial = path ? readPersistedState(path) : undefined;
  }

  /**
   * Written to a new file beside the target and renamed over it, so a reader never sees half a file.
   * The temporary name is random and created exclusively (`wx`, owner-only): a name another local user
   * could guess and plant a symlink at would let them make the server overwrite any file it can write.
   */
  write(state: PersistedState): void {
    if (!this.path) return;
    const temporary = join(
      dirname(this.path),
      `.${basename(this.path)}.${randomBytes(8).toString("hex")}.tmp`,
    );
    try {
      writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { flag: "wx", mode: 0o600 });
      renameSync(temporary, this.path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

/**
 * The text of the `--persist` file, or undefined when there is none yet. Only a regular file of at most
 * `maxPersistFileBytes` is read: a FIFO (opened without waiting for a writer), a device such as
 * `/dev/zero` or a directory is refused before reading, so the server can neither hang nor grow on it.
 */
function readPersistFile(path: string): string | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw persistError(path, `cannot be read (${code ?? String(error)})`);
  }
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) throw persistError(path, "is not a regular file (a pipe, device or directory)");
    if (stat.size > maxPersistFileBytes) {
      throw persistError(
        path,
        `is ${stat.size} bytes, larger than the limit of ${maxPersistFileBytes} (64 MiB)`,
      );
    }
    const buffer = Buffer.alloc(stat.size);
    const bytesRead = readSync(descriptor, buffer, 0, stat.size, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    closeSync(descriptor);
  }
}

function persistError(path: string, problem: string): BuildInfoError {
  return new BuildInfoError("E_PERSIST", `The --persist file '${path}' ${problem}.`, {
    hint: "Name a JSON file this server wrote before, or a new path; move the old file away to start empty.",
    source: "--persist",
  });
}

/** The state a previous run wrote (undefined: none yet), or a BuildInfoError (exit 2) naming the file and what is wrong. */
function readPersistedState(path: string): PersistedState | undefined {
  const text = readPersistFile(path);
  if (text === undefined) return undefined;
  let problem: string;
  try {
    const state = JSON.parse(text) as Partial<PersistedState> | null;
    if (
      typeof state === "object" &&
      state !== null &&
      Array.isArray(state.records) &&
      state.records.every((record) => typeof record === "object" && record !== null) &&
      Number.isInteger(state.nextId) &&
      (state.deploy === undefined || (typeof state.deploy === "object" && state.deploy !== null))
    )
      return state as PersistedState;
    problem = "is not a file this server wrote (no records and nextId)";
  } catch {
    problem = "is not valid JSON";
  }
  throw persistError(path, problem);
}
