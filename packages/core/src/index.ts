export type {
  AdapterContext,
  AdapterOptions,
  Checkout,
  CheckoutReader,
  CiLogCommands,
  Environment,
  FileSystem,
  GitResult,
  GitRunner,
  HttpClient,
  HttpRequestOptions,
  HttpResponse,
  Logger,
  ServerRead,
} from "./adapter";
export { basicAuthFromEnv } from "./adapter-helpers/basic-auth-from-env";
export { collectFromEnv } from "./adapter-helpers/collect-from-env";
export type { CollectedPages, CollectPagesOptions, Page } from "./adapter-helpers/collect-pages";
export { collectPages } from "./adapter-helpers/collect-pages";
export { draftFromEnvValues } from "./adapter-helpers/draft-from-env-values";
export { fillEnvTemplate } from "./adapter-helpers/fill-env-template";
export type { EnvValue } from "./adapter-helpers/first-env";
export { firstEnv } from "./adapter-helpers/first-env";
export { getBuildServerResponse } from "./adapter-helpers/get-build-server-response";
export { isGitVcsType } from "./adapter-helpers/is-git-vcs-type";
export { joinUrl } from "./adapter-helpers/join-url";
export { mapWithConcurrency } from "./adapter-helpers/map-with-concurrency";
export type { PushFlagsInput } from "./adapter-helpers/push-flags";
export { pushFlags } from "./adapter-helpers/push-flags";
export { getBuildServerJson, readBuildServerJson } from "./adapter-helpers/read-build-server-json";
export { sameOriginLink } from "./adapter-helpers/same-origin-link";
export type { CommitSelection, SelectCommitsInput } from "./adapter-helpers/select-commits";
export { selectCommits } from "./adapter-helpers/select-commits";
export type { SourcedField, SourcedFields } from "./adapter-helpers/sourced-fields";
export { splitList } from "./adapter-helpers/split-list";
export { tagOrBranch } from "./adapter-helpers/tag-or-branch";
export type {
  AdapterManifest,
  AdapterOptionSpec,
  Collector,
  DetectionMarker,
  RangeReader,
  RangeReading,
  RerunMarker,
} from "./adapter-manifest";
export { isDetected, rerunOf } from "./adapter-manifest";
export type { BranchOptions } from "./branch";
export type {
  BuildInformation,
  Commit,
  CreateBuildInformationCommand,
  OverwriteMode,
  VcsType,
} from "./build-information";
export { overwriteModes } from "./build-information";
export type { BuildInformationFile } from "./build-information-file";
export { formatBuildInformationFile, readBuildInformationFile } from "./build-information-file";
export type { CollectionLimits } from "./collection-limits";
export { defaultCollectionLimits } from "./collection-limits";
export type { CommitOptions, NormalizedCommits } from "./commits";
export { commitCountWarningThreshold, defaultCommitCap } from "./commits";
export { shortened, shortenedLine } from "./describe-value";
export { didYouMean } from "./did-you-mean";
export type { BuildInformationDraft, CommitRange, DraftField, RawCommit } from "./draft";
export type { CatalogueEntry, ErrorCode } from "./error-catalogue";
export { errorCatalogue, errorCodeFamilies } from "./error-catalogue";
export type { BuildInfoErrorOptions, ErrorKind } from "./errors";
export { BuildInfoError, isBuildInfoError } from "./errors";
export { escapeLogCommandsInJson, neutraliseLogCommands } from "./log-commands";
export type { NormalizeDraftOptions, NormalizedDraft } from "./normalize-draft";
export { normalizeDraft } from "./normalize-draft";
/** The one rule for an Octopus server URL (absolute http(s), no query; `/app` and `/api` mean the server). */
export { parseOctopusServerUrl } from "./octopus-server-url";
export type { DraftOverrides, OverridableField } from "./overrides";
export { applyOverrides } from "./overrides";
export { overwriteModeSpellings, parseOverwriteMode } from "./overwrite-mode";
export { invalidPackageIdMessage, validatePackageId } from "./package-id";
export { redactKnownSecrets, redactSecrets, redactUrl, redactUrlUserinfo } from "./redact";
export { summariseBody } from "./summarise-body";
export { isLocalRepositoryPath, normalizeVcsRoot } from "./vcs-root";
export { normalizeVcsType } from "./vcs-type";
export { invalidVersionMessage, validateVersion } from "./version";
export type { AzureDevOpsWorkItem } from "./work-items/azure-devops-api";
export type { AzureDevOpsTracker } from "./work-items/azure-devops-tracker";
export type { GitHubIssue, GitHubIssueLookup } from "./work-items/github-description";
export type { GitHubTracker } from "./work-items/github-tracker";
export type { JiraIssue } from "./work-items/jira-description";
export type { JiraTracker } from "./work-items/jira-tracker";
export type { IssueTrackers, MappedBuildInformation } from "./work-items/map-build-information";
export { mapBuildInformation } from "./work-items/map-build-information";
export type {
  AzureDevOpsConnection,
  AzureDevOpsRead,
  AzureDevOpsReadLimits,
} from "./work-items/read-azure-devops-work-items";
/** A build's Azure DevOps work items read as Octopus's tracker reads them, for `mapBuildInformation`. */
export { readAzureDevOpsWorkItems } from "./work-items/read-azure-devops-work-items";
export type {
  BuildInformationRecord,
  WorkItemResult,
  WorkItemSource,
  WorkItemStatus,
} from "./work-items/work-item-result";
