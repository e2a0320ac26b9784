export { createCheckoutReader } from "./checkout-reader";
export type { GitRunnerOptions } from "./git-runner";
export { createGitRunner } from "./git-runner";
export type { ReadCommitsOptions } from "./read-commits";
export { readCommits } from "./read-commits";
export { resolveDraftCommits } from "./resolve-draft-commits";
