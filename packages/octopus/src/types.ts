import type { BuildInfoError, BuildInformation, OverwriteMode } from "@buildinfo/core";
import type { TransportOptions } from "@buildinfo/http";
import type { NamedRef, ProjectTemplates, ReleaseRecord, ServerIssueTrackers } from "./release-reads";

export interface OctopusClientOptions extends TransportOptions {
  /**
   * The server root, e.g. `https://octopus.example.com` (a virtual directory path is kept; a trailing
   * `/app` or `/api` and any user name or password are dropped; a query or fragment is refused with
   * `E_USAGE`): `parseOctopusServerUrl` of `@buildinfo/core` is the rule.
   */
  serverUrl: string;
  /** Sent as `X-Octopus-ApiKey`. */
  apiKey?: string | undefined;
  /** Sent as `Authorization: Bearer` (an OIDC access token, see `exchangeOidcToken`). */
  accessToken?: string | undefined;
  /** Deadline of each client call (a whole `pushToPackages` included), retries included. Default 180 s. */
  timeoutMs?: number;
  /** Default bound of `pushToPackages` parallel POSTs, and the sockets kept per server. Default 64. */
  concurrency?: number;
}

export interface SpaceRef {
  Id: string;
  Name: string;
}

/** A space by name or `Spaces-N` id, an already resolved space, or undefined for the default space. */
export type SpaceInput = string | SpaceRef | undefined;

export interface ServerRoot {
  Application?: string;
  Version?: string;
  ApiVersion?: string;
  InstallationId?: string;
  Links?: Record<string, string>;
  [field: string]: unknown;
}

/** `OctopusPackageVersionBuildInformationMappedResource`: what the server stores and returns. */
export interface BuildInformationRecord {
  Id: string;
  PackageId: string;
  Version: string;
  BuildEnvironment?: string | null;
  BuildNumber?: string | null;
  BuildUrl?: string | null;
  Branch?: string | null;
  VcsType?: string | null;
  VcsRoot?: string | null;
  VcsCommitNumber?: string | null;
  VcsCommitUrl?: string | null;
  IssueTrackerName?: string | null;
  WorkItems?: { Id: string; LinkUrl?: string | null; Source?: string | null; Description?: string | null }[];
  Commits?: { Id: string; Comment: string; LinkUrl?: string | null }[] | null;
  IncompleteDataWarning?: string | null;
  Created?: string;
  LastModifiedOn?: string | null;
  LastModifiedBy?: string | null;
  Links?: Record<string, string>;
  [field: string]: unknown;
}

export type PushedRecord = BuildInformationRecord;

export interface BuildInformationPage {
  Items: BuildInformationRecord[];
  TotalResults: number;
  ItemsPerPage: number;
  [field: string]: unknown;
}

export interface PushRequest {
  spaceId: string;
  packageId: string;
  version: string;
  overwriteMode: OverwriteMode;
  buildInformation: BuildInformation;
}

export type PushOutcome = "created" | "overwritten" | "ignored" | "failed";

export interface PackagePushResult {
  packageId: string;
  version: string;
  ok: boolean;
  /** `BuildInformation-N` of the stored record. */
  recordId?: string;
  /** The record in the Octopus web UI. */
  link?: string;
  outcome: PushOutcome;
  /** How success was established when the server's own answer was lost or failed. */
  note?: string;
  /** The record Octopus answered with: what it made of the build (its `WorkItems`, commit links). */
  record?: PushedRecord;
  error?: BuildInfoError;
}

export interface PushSummary {
  space: SpaceRef;
  /** One per package, in input order. */
  results: PackagePushResult[];
  failed: PackagePushResult[];
}

export interface PushToPackagesRequest {
  space?: SpaceInput;
  packages: { packageId: string; version: string }[];
  buildInformation: BuildInformation;
  overwriteMode: OverwriteMode;
  /** Parallel POSTs; default the client's `concurrency` (64). More than that queue for a socket. */
  concurrency?: number;
  /** Called with each package's result as soon as it is known (in completion order), for progress output. */
  onResult?: (result: PackagePushResult) => void;
}

export interface ListBuildInformationRequest {
  space?: SpaceInput;
  packageId?: string;
  /** Substring of the version. */
  filter?: string;
  /** Only the latest record per package. */
  latest?: boolean;
  skip?: number;
  take?: number;
}

export interface OctopusClient {
  readonly serverUrl: string;
  getRoot(): Promise<ServerRoot>;
  resolveSpace(nameOrId?: string): Promise<SpaceRef>;
  pushBuildInformation(request: PushRequest): Promise<PushedRecord>;
  pushToPackages(request: PushToPackagesRequest): Promise<PushSummary>;
  listBuildInformation(request?: ListBuildInformationRequest): Promise<BuildInformationPage>;
  getBuildInformation(space: SpaceInput, id: string): Promise<BuildInformationRecord>;
  deleteBuildInformation(space: SpaceInput, id: string): Promise<void>;
  /** The stored record of one package version, or undefined when there is none. */
  findBuildInformation(
    space: SpaceInput,
    packageId: string,
    version: string,
  ): Promise<BuildInformationRecord | undefined>;
  /** A project by name, with its release notes and deployment changes templates; E_PROJECT_NOT_FOUND. */
  findProject(space: SpaceInput, name: string): Promise<ProjectTemplates>;
  /** An environment by name; E_ENVIRONMENT_NOT_FOUND. */
  findEnvironment(space: SpaceInput, name: string): Promise<NamedRef>;
  /** The release of the newest successful deployment of a project to an environment, if any. */
  lastDeployedRelease(
    space: SpaceInput,
    projectId: string,
    environmentId: string,
  ): Promise<ReleaseRecord | undefined>;
  /** A project's releases, newest first (at most 3,000). */
  listReleases(space: SpaceInput, projectId: string): Promise<ReleaseRecord[]>;
  /** The issue trackers' settings (`/api/configuration/{id}/values`), or why each cannot be read. */
  readIssueTrackers(): Promise<ServerIssueTrackers>;
  close(): Promise<void>;
}
