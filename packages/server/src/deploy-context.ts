import type { IssueTrackers } from "@buildinfo/core";
import type { BuildInformationStore } from "./build-information-store";
import type { Clock } from "./clock";
import type { DeployStore } from "./deploy-store";
import type { ExternalFeedPackages } from "./external-feeds";
import type { OctopusSpace } from "./octopus-resources";
import type { RecordedRequest } from "./octopus-server";

/** What every deployment-side route reads and changes. */
export interface DeployContext {
  store: DeployStore;
  records: BuildInformationStore;
  clock: Clock;
  trackers: IssueTrackers;
  externalFeeds: ExternalFeedPackages;
  /** The user the API key belongs to, for `DeployedBy` and `LastModifiedBy`. */
  user: string;
}

/** A request below `/api/{spaceId}/`, its path split into segments after the space id. */
export interface SpaceCall {
  space: OctopusSpace;
  request: RecordedRequest;
  segments: string[];
}
