/** The facts about the last deployment of a project to an environment, what it deployed, and how to name it. */
export type { DeploymentTarget, LastDeployment, ReleaseBuild } from "./last-deployment";
/** Where a package's commits start (the commit its deployed release captured), and a deployment named for messages. */
export { deployedRangeStart, describeDeployment } from "./last-deployment";
export { createOctopusClient } from "./octopus-client";
export type { OidcExchangeOptions } from "./oidc";
export { exchangeOidcToken } from "./oidc";
export { createCommand } from "./push";
/** What the push guards check and find. */
export type { PushGuardFinding, PushGuardReport, PushGuardRequest } from "./push-guards";
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
