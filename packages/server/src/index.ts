/** One stored record as the server answers with it, and its work-item links. */
export type { BuildInformationInput, StoredBuildInformation, WorkItemLink } from "./build-information-store";
/** The releases a deployment brings, oldest first, as Octopus accumulates them (pre-releases bring only themselves). */
export { releasesADeploymentBrings } from "./deployment-changes";
/** What external feeds hold offline (feed URI → package ids and versions), for the same-version-in-two-feeds guard. */
export type { ExternalFeedPackages } from "./external-feeds";
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
/** One self-contained HTML page of records and notes, and the Markdown of release notes as HTML. */
export { type PreviewPage, previewPageHtml, releaseNotesHtml } from "./pages/preview-page";
/** One package's record (its fields, commit links and work items with their status) as an HTML section, and a stored record's fields as a view's. */
export {
  type RecordView,
  recordViewHtml,
  type StoredRecordFields,
  storedRecordFields,
} from "./pages/record-view";
