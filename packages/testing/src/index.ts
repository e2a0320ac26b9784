/** The shared build every adapter's conformance test expresses in its server's variables. */

/** A loopback fake of a build server's API, its handler, and the requests and answers it deals in. */
export type { FakeApi, FakeApiHandler, FakeApiRequest, FakeApiResponse } from "@buildinfo/conformance";
/** Starts a fake build-server API on loopback. */
export { startFakeApi } from "@buildinfo/conformance";
export type { ConformanceBuild } from "./conformance-build";
/** Creates the shared conformance build in a temporary git repository. */
export { createConformanceBuild } from "./conformance-build";
/** A fault for the local Octopus server, which requests it applies to, the queue and its options. */
export type { Fault, FaultCommon, FaultMatch, FaultQueue, FaultQueueOptions } from "./fault-queue";
/** Creates a fault queue to plug into `startOctopusServer({ beforeRequest })` of `@buildinfo/server`. */
export { createFaultQueue } from "./fault-queue";
/** Options of a repository with a feature branch. */
export type { FeatureBranchRepoOptions } from "./feature-branch-repo";
/** Creates a temporary repository with commits on `main` and a feature branch checked out. */
export { createFeatureBranchRepo } from "./feature-branch-repo";
/** A scenario on the local Octopus server (projects, releases, deployments, packages) and what it creates. */
export type { Created, OctopusScenario, ScenarioPackage } from "./octopus-scenario";
/** Sets up projects, releases and deployments on a local Octopus server through its API. */
export { octopusScenario } from "./octopus-scenario";
/** A temporary git repository, its commits and its options. */
export type { TempGitRepo, TempGitRepoCommit, TempGitRepoOptions } from "./temp-git-repo";
/** Creates a temporary git repository with fixed identities and dates. */
export { createTempGitRepo } from "./temp-git-repo";
/** An adapter context for tests, its collecting logger and what it is made from. */
export type { CollectingLogger, TestContext, TestContextInit } from "./test-context";
/** Creates an adapter context with the real file system and only the http/git a test gives. */
export { createTestContext } from "./test-context";
