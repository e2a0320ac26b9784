import type { IssueTrackers } from "@buildinfo/core";
import type { Clock } from "./clock";
import { mapRecord } from "./mapped-record";

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

// Every push compares its key with every stored record, so this is the fake server's hot path: a
// store of a few thousand records answered in hundreds of milliseconds through the collator alone.
// For printable ASCII (every real package id and version) the collation equals a case-insensitive
// comparison; anything else goes to one shared collator.
const keyCollator = new Intl.Collator("en", { sensitivity: "accent" });
const printableAscii = /^[\x20-\x7e]*$/;

export function sameKey(left: string, right: string): boolean {
  if (printableAscii.test(left) && printableAscii.test(right))
    return left.toLowerCase() === right.toLowerCase();
  return keyCollator.compare(left, right) === 0;
}

/** What the store writes to the state file and reads back from it. */
export interface BuildInformationState {
  nextId: number;
  records: StoredBuildInformation[];
}

/** Every record of every space, one per (space, PackageId, Version); `onChange` is told after each change. */
export class BuildInformationStore {
  private readonly records: StoredBuildInformation[] = [];
  private nextId = 1;

  constructor(
    initial: BuildInformationState | undefined,
    private readonly options: {
      modifiedBy: string;
      clock: Clock;
      trackers: IssueTrackers;
      onChange: () => void;
    },
  ) {
    if (initial) {
      this.records.push(...initial.records);
      this.nextId = initial.nextId;
    }
  }

  state(): BuildInformationState {
    return { nextId: this.nextId, records: this.records };
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
    const now = this.options.clock.now();
    const record = this.map(id, spaceId, packageId, version, input, now, now);
    this.records.push(record);
    this.options.onChange();
    return record;
  }

  /** The record replaced, its `LastModifiedOn` strictly later than before. */
  replace(existing: StoredBuildInformation, input: BuildInformationInput): StoredBuildInformation {
    const record = this.map(
      existing.Id,
      existing.SpaceId,
      existing.PackageId,
      existing.Version,
      input,
      existing.Created,
      this.options.clock.now(existing.LastModifiedOn),
    );
    this.records[this.records.indexOf(existing)] = record;
    this.options.onChange();
    return record;
  }

  delete(record: StoredBuildInformation): void {
    this.records.splice(this.records.indexOf(record), 1);
    this.options.onChange();
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
    const mapped = mapRecord(input, this.options.trackers);
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
      VcsCommitUrl: mapped.VcsCommitUrl,
      IssueTrackerName: mapped.IssueTrackerName,
      WorkItems: mapped.WorkItems,
      Commits: mapped.Commits,
      IncompleteDataWarning: null,
      Created: created,
      LastModifiedOn: modified,
      LastModifiedBy: this.options.modifiedBy,
      Links: { Self: `/api/${spaceId}/build-information/${id}` },
    };
  }
}
