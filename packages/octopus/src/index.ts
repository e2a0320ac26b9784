export type { HttpClientOptions } from "./http-client";
export { createHttpClient } from "./http-client";
export { createOctopusClient } from "./octopus-client";
export type { OidcExchangeOptions } from "./oidc";
export { exchangeOidcToken } from "./oidc";
export { createCommand } from "./push";
export type { RetryOptions } from "./retry";
export { defaultRetry } from "./retry";
export type { RequestTimeouts } from "./transport";
export { defaultRequestTimeouts } from "./transport";
export type { TransportOptions } from "./transport-options";
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
export { defaultUserAgent } from "./user-agent";
