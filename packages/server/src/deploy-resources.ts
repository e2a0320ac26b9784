// The deployment side of the API as the local server stores and answers it: the shapes of Octopus's own
// resources (OctopusDeploy/OctopusClients source/Octopus.Server.Client/Model, @octopusdeploy/api-client's
// types), restated in docs/reference/octopus-deployments-api.md.
import type { StoredBuildInformation, WorkItemLink } from "./build-information-store";

/** Every resource the server answers with has an `Id` and `Links`. */
interface Resource {
  Id: string;
  Links: Record<string, string>;
}

interface SpaceResource extends Resource {
  SpaceId: string;
}

export type TenantedDeploymentMode = "Untenanted" | "TenantedOrUntenanted" | "Tenanted";

export interface ProjectResource extends SpaceResource {
  Name: string;
  Slug: string;
  Description: string;
  IsDisabled: boolean;
  TenantedDeploymentMode: TenantedDeploymentMode;
  DeploymentProcessId: string;
  LifecycleId: string;
  ProjectGroupId: string;
  VariableSetId: string;
  AutoCreateRelease: boolean;
  DiscreteChannelRelease: boolean;
  /** Kept on the project itself, as servers before deployment settings did (docs/reference/octopus-release-notes.md). */
  ReleaseNotesTemplate: string | null;
  DeploymentChangesTemplate: string | null;
}

export interface EnvironmentResource extends SpaceResource {
  Name: string;
  Description: string;
  SortOrder: number;
  UseGuidedFailure: boolean;
  AllowDynamicInfrastructure: boolean;
  ExtensionSettings: unknown[];
}

export interface ChannelResource extends SpaceResource {
  Name: string;
  Description: string;
  ProjectId: string;
  IsDefault: boolean;
  LifecycleId: string | null;
  Rules: unknown[];
  TenantTags: string[];
}

export interface TenantResource extends SpaceResource {
  Name: string;
  Description: string | null;
  TenantTags: string[];
  /** The environments each connected project deploys this tenant to. */
  ProjectEnvironments: Record<string, string[]>;
}

/** A package a step acquires: `Name` is empty for the action's primary package. */
export interface PackageReference {
  Id: string;
  Name: string;
  PackageId: string;
  FeedId: string;
  AcquisitionLocation: string;
  Properties: Record<string, string>;
}

export interface DeploymentAction {
  Id: string;
  Name: string;
  ActionType: string;
  IsDisabled: boolean;
  Packages: PackageReference[];
  Properties: Record<string, unknown>;
}

export interface DeploymentStep {
  Id: string;
  Name: string;
  Properties: Record<string, unknown>;
  Actions: DeploymentAction[];
}

/** A project's process, or the frozen copy a release was created from (a snapshot). */
export interface DeploymentProcessResource extends SpaceResource {
  ProjectId: string;
  Version: number;
  LastSnapshotId: string | null;
  Steps: DeploymentStep[];
}

export interface SelectedPackage {
  ActionName: string;
  PackageReferenceName: string | null;
  Version: string;
}

/** A commit of a release's build information, with the link Octopus computed. */
export type CommitDetails = StoredBuildInformation["Commits"][number];

/** `ReleasePackageVersionBuildInformationResource`: one package's build information as the release captured it. */
export type ReleaseBuildInformation = Pick<
  StoredBuildInformation,
  | "PackageId"
  | "Version"
  | "BuildEnvironment"
  | "BuildNumber"
  | "BuildUrl"
  | "Branch"
  | "VcsType"
  | "VcsRoot"
  | "VcsCommitNumber"
  | "VcsCommitUrl"
  | "IssueTrackerName"
  | "WorkItems"
  | "Commits"
>;

export interface ReleaseResource extends SpaceResource {
  ProjectId: string;
  ChannelId: string;
  Version: string;
  ReleaseNotes: string;
  Assembled: string;
  IgnoreChannelRules: boolean;
  ProjectDeploymentProcessSnapshotId: string;
  ProjectVariableSetSnapshotId: string;
  LibraryVariableSetSnapshotIds: string[];
  SelectedPackages: SelectedPackage[];
  SelectedGitResources: unknown[];
  BuildInformation: ReleaseBuildInformation[];
}

/** What one release brings to a deployment (`ReleaseChanges`). */
export interface ReleaseChanges {
  Version: string;
  ReleaseNotes: string;
  BuildInformation: ReleaseBuildInformation[];
  WorkItems: WorkItemLink[];
  Commits: CommitDetails[];
}

export interface DeploymentResource extends SpaceResource {
  Name: string;
  Created: string;
  ProjectId: string;
  ReleaseId: string;
  ChannelId: string;
  EnvironmentId: string;
  TenantId: string | null;
  TaskId: string;
  DeploymentProcessId: string;
  Comments: string | null;
  QueueTime: string | null;
  DeployedBy: string;
  Changes: ReleaseChanges[];
  ChangesMarkdown: string;
}

export type TaskState =
  | "Queued"
  | "Executing"
  | "Success"
  | "Failed"
  | "Canceled"
  | "Cancelling"
  | "TimedOut";

/** A deployment's server task as stored: its state is derived (`taskState`) when it is read. */
export interface StoredTask {
  Id: string;
  SpaceId: string;
  Name: string;
  Description: string;
  QueueTime: string;
  Canceled: boolean;
  Arguments: Record<string, unknown>;
}

export interface FeedResource extends SpaceResource {
  Name: string;
  FeedType: string;
  FeedUri?: string;
  PackageAcquisitionLocationOptions: string[];
}

/** A package version in the built-in feed. */
export interface PackageResource extends Resource {
  PackageId: string;
  Version: string;
  FeedId: string;
  Title: string;
  Summary: string;
  Description: string;
  Published: string;
  ReleaseNotes: string;
  FileExtension: string;
}
