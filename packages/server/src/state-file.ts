import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { BuildInfoError } from "@buildinfo/core";

/** What `persistPath` holds: each part of the server's state under its own key. */
export interface PersistedState {
  /** The build-information records and the next record number (the first format; still read). */
  nextId: number;
  records: unknown[];
  /** Projects, environments, releases, deployments, … (absent in files written before they existed). */
  deploy?: unknown;
}

/** The JSON file the server's state is loaded from and written to, atomically, after each change. */
export class StateFile {
  readonly initial: PersistedState | undefined;
  private writes = 0;

  constructor(private readonly path: string | undefined) {
    this.initial = path && existsSync(path) ? readPersistedState(path) : undefined;
  }

  /** Written to a temporary file and renamed, so a reader never sees half a file. */
  write(state: PersistedState): void {
    if (!this.path) return;
    this.writes += 1;
    const temporary = `${this.path}.${process.pid}.${this.writes}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, this.path);
  }
}

/** The state a previous run wrote, or a BuildInfoError (exit 2) naming the file and what is wrong. */
function readPersistedState(path: string): PersistedState {
  let problem: string;
  try {
    const state = JSON.parse(readFileSync(path, "utf8")) as Partial<PersistedState> | null;
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
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problem = code === undefined ? "is not valid JSON" : `cannot be read (${code})`;
  }
  throw new BuildInfoError("E_PERSIST", `The --persist file '${path}' ${problem}.`, {
    hint: "Name a JSON file this server wrote before, or a new path; move the old file away to start empty.",
    source: "--persist",
  });
}
