import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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
  private writes = 0;

  constructor(
    private readonly persistPath: string | undefined,
    private readonly modifiedBy: string,
  ) {
    if (persistPath && existsSync(persistPath)) {
      const state = readPersistedState(persistPath);
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

  /** Written to a temporary file and renamed, so a reader never sees half a file. */
  private persist(): void {
    if (!this.persistPath) return;
    this.writes += 1;
    const temporary = `${this.persistPath}.${process.pid}.${this.writes}.tmp`;
    const state: PersistedState = { nextId: this.nextId, records: this.records };
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, this.persistPath);
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
      Number.isInteger(state.nextId)
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
