export { createOctopusClient } from "./octopus-client";
export type { OidcExchangeOptions } from "./oidc";
export { exchangeOidcToken } from "./oidc";
export { createCommand } from "./push";
export type {
  IssueTrackerSettings,
  NamedRef,
  ProjectTemplates,
  ReleaseRecord,
  ServerIssueTrackers,
} from "./release-reads";
export type {
  BuildInformationPage,
  BuildInformationRecord,
  ListBuildInformationRequest,
  OctopusClient,
  OctopusClientOptions,
  PackagePushResult,
  PushedRecord,
  PushOutcome,
  PushRequest,
  PushSummary,
  PushToPackagesRequest,
  ServerRoot,
  SpaceInput,
  SpaceRef,
} from "./types";
