/** The shapes of the kit's vector files, histories, fixture files and API exchanges. */

/** One row of a case's result: the plugin's exit, its push, or one field. */
export type { ResultRow } from "./compare-record";
/** A loopback fake of a build server's API, its handler, and the requests and answers it deals in. */
export type { FakeApi, FakeApiHandler, FakeApiRequest, FakeApiResponse } from "./fake-api";
/** Starts a fake build-server API on loopback. */
export { startFakeApi } from "./fake-api";
/** One case laid out (checkout, files, fake API) and the workspace that lays cases out. */
export type { CaseFixture, FixtureWorkspace } from "./fixture-workspace";
/** Creates a workspace that lays out cases in a temporary folder, importing each history once. */
export { createFixtureWorkspace } from "./fixture-workspace";
/** A history recipe as a `git fast-import` stream, with each commit's mark. */
export type { HistoryStream } from "./history-stream";
/** Renders a history recipe as a `git fast-import` stream. */
export { historyStream } from "./history-stream";
/** A properties file as `java.util.Properties.store` writes it (what a TeamCity agent writes). */
export { javaPropertiesText } from "./java-properties";
/** How one run of the plugin ended: its exit code, whether it timed out, its output. */
export type { PluginRun } from "./plugin-command";
/** The report as JSON: a summary and every case's rows, runs and unanswered requests. */
export { formatJson } from "./report-json";
/** The report as JUnit XML: a suite per server, a test case per row. */
export { formatJunit } from "./report-junit";
/** The report as a matrix of cases × rows, then each failure in words. */
export { formatText } from "./report-text";
/** The runner's options, one case's result and the whole report. */
export type { CaseResult, ConformanceOptions, ConformanceReport } from "./run-conformance";
/** Runs a plugin's command against the vectors and compares what it pushed, field by field. */
export { runConformance } from "./run-conformance";
export type {
  ApiExchange,
  CheckoutSpec,
  ConformanceCase,
  ExpectedBuildInformation,
  FixtureFile,
  HistoryCommit,
  HistoryRecipe,
  ServerVectors,
} from "./vector";
/** The build-information fields every vector compares, in report order. */
export { expectedFields } from "./vector";
/** The kit's vectors, one file per build server, and the git histories their checkouts are made from. */
export { histories, serverVectors } from "./vector-files";
