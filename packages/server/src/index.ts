/** One stored record as the server answers with it, and its work-item links. */
export type { StoredBuildInformation, WorkItemLink } from "./build-information-store";
/** A space the server knows, and an answer before it is sent (its body is sent as JSON). */
export type { OctopusSpace, ServerReply } from "./octopus-resources";
/** The standard Octopus error body (`ErrorMessage`, `Errors`, …), for a `beforeRequest` hook that answers as the server would. */
export { errorBody } from "./octopus-resources";
/** The running server, its options, the requests it records and what a `beforeRequest` hook receives and returns. */
export type {
  LocalOctopusServer,
  OctopusServerOptions,
  PendingExchange,
  RecordedRequest,
  RequestHookResult,
} from "./octopus-server";
/** Starts the local Octopus-compatible server; `maxRecordedRequests` is how many requests it keeps. */
export { maxRecordedRequests, startOctopusServer } from "./octopus-server";
/** The service account and identity tokens the server's OIDC token exchange accepts. */
export type { OidcOptions } from "./oidc-token-exchange";
