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
import { serverCommitLink } from "./commit-links";

/** The inner `OctopusBuildInformation` as the server bound it from a request. */
export interface BuildInformationInput {
  BuildEnvironment: string | null;
  BuildNumber: string | null;
  BuildUrl: string | null;
  Branch: string | null;
  VcsType: string | null;
  VcsRoot: string | null;
  VcsCommitNumber: string | null;
  Commits: { Id: string; Comment: string }[];
}

export interface WorkItemLink {
  Id: string;
  LinkUrl: string;
  Source: string;
  Description: string;
}

/** One record as the server returns it (`OctopusPackageVersionBuildInformationMappedResource`). */
export interface StoredBuildInformation extends Omit<BuildInformationInput, "Commits"> {
  Id: string;
  SpaceId: string;
  PackageId: string;
  Version: string;
  VcsCommitUrl: string | null;
  IssueTrackerName: string | null;
  WorkItems: WorkItemLink[];
  Commits: { Id: string; Comment: string; LinkUrl: string | null }[];
  IncompleteDataWarning: string | null;
  Created: string;
  LastModifiedOn: string;
  LastModifiedBy: string;
  Links: { Self: string };
}

interface PersistedState {
  nextId: number;
  records: StoredBuildInformation[];
}

/** Octopus's timestamp form: `2025-03-04T10:11:12.000+00:00`. */
function timestamp(): string {
  return new Date().toISOString().replace("Z", "+00:00");
}

// Every push compares its key with every stored record, so this is the fake server's hot path: a
// store of a few thousand records answered in hundreds of milliseconds through the collator alone.
// For printable ASCII (every real package id and version) the collation equals a case-insensitive
// comparison; anything else goes to one shared collator.
const keyCollator = new Intl.Collator("en", { sensitivity: "accent" });
const printableAscii = /^[\x20-\x7e]*$/;

function sameKey(left: string, right: string): boolean {
  if (printableAscii.test(left) && printableAscii.test(right))
    return left.toLowerCase() === right.toLowerCase();
  return keyCollator.compare(left, right) === 0;
}

/** Every record of every space, one per (space, PackageId, Version), optionally mirrored to a JSON file. */
export class BuildInformationStore {
  private readonly records: StoredBuildInformation[] = [];
  private nextId = 1;

  constructor(
    private readonly persistPath: string | undefined,
    private readonly modifiedBy: string,
  ) {
    const state = persistPath ? readPersistedState(persistPath) : undefined;
    if (state) {
      this.records.push(...state.records);
      this.nextId = state.nextId;
    }
  }

  all(): StoredBuildInformation[] {
    return this.records.map((record) => structuredClone(record));
  }

  inSpace(spaceId: string): StoredBuildInformation[] {
    return this.records.filter((record) => record.SpaceId === spaceId);
  }

  get(spaceId: string, id: string): StoredBuildInformation | undefined {
    return this.records.find((record) => record.SpaceId === spaceId && sameKey(record.Id, id));
  }

  /** Package ids and versions compare case-insensitively, as the server's database collation does. */
  find(spaceId: string, packageId: string, version: string): StoredBuildInformation | undefined {
    return this.records.find(
      (record) =>
        record.SpaceId === spaceId &&
        sameKey(record.PackageId, packageId) &&
        sameKey(record.Version, version),
    );
  }

  create(
    spaceId: string,
    packageId: string,
    version: string,
    input: BuildInformationInput,
  ): StoredBuildInformation {
    const id = `BuildInformation-${this.nextId}`;
    this.nextId += 1;
    const now = timestamp();
    const record = this.map(id, spaceId, packageId, version, input, now, now);
    this.records.push(record);
    this.persist();
    return record;
  }

  replace(existing: StoredBuildInformation, input: BuildInformationInput): StoredBuildInformation {
    const record = this.map(
      existing.Id,
      existing.SpaceId,
      existing.PackageId,
      existing.Version,
      input,
      existing.Created,
      timestamp(),
    );
    this.records[this.records.indexOf(existing)] = record;
    this.persist();
    return record;
  }

  delete(record: StoredBuildInformation): void {
    this.records.splice(this.records.indexOf(record), 1);
    this.persist();
  }

  private map(
    id: string,
    spaceId: string,
    packageId: string,
    version: string,
    input: BuildInformationInput,
    created: string,
    modified: string,
  ): StoredBuildInformation {
    return {
      Id: id,
      SpaceId: spaceId,
      PackageId: packageId,
      Version: version,
      BuildEnvironment: input.BuildEnvironment,
      BuildNumber: input.BuildNumber,
      BuildUrl: input.BuildUrl,
      Branch: input.Branch,
      VcsType: input.VcsType,
      VcsRoot: input.VcsRoot,
      VcsCommitNumber: input.VcsCommitNumber,
      VcsCommitUrl: input.VcsCommitNumber ? serverCommitLink(input, input.VcsCommitNumber) : null,
      IssueTrackerName: null,
      WorkItems: [],
      Commits: input.Commits.map((commit) => ({
        Id: commit.Id,
        Comment: commit.Comment,
        LinkUrl: serverCommitLink(input, commit.Id),
      })),
      IncompleteDataWarning: null,
      Created: created,
      LastModifiedOn: modified,
      LastModifiedBy: this.modifiedBy,
      Links: { Self: `/api/${spaceId}/build-information/${id}` },
    };
  }

  /**
   * Written to a new file beside the target and renamed over it, so a reader never sees half a file.
   * The temporary name is random and created exclusively (`wx`, owner-only): a name another local user
   * could guess and plant a symlink at would let them make the server overwrite any file it can write.
   */
  private persist(): void {
    if (!this.persistPath) return;
    const temporary = join(
      dirname(this.persistPath),
      `.${basename(this.persistPath)}.${randomBytes(8).toString("hex")}.tmp`,
    );
    const state: PersistedState = { nextId: this.nextId, records: this.records };
    try {
      writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { flag: "wx", mode: 0o600 });
      renameSync(temporary, this.persistPath);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

/** The largest `--persist` file read at start, as for `--file`: far above a local server's records. */
const maxPersistFileBytes = 64 * 1024 * 1024;

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
      Number.isInteger(state.nextId)
    )
      return state as PersistedState;
    problem = "is not a file this server wrote (no records and nextId)";
  } catch {
    problem = "is not valid JSON";
  }
  throw persistError(path, problem);
}
