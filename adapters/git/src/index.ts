export { gitAdapter } from "./git-adapter";
export type { GitRunnerOptions } from "./git-runner";
export { createGitRunner } from "./git-runner";
export { localCommitRange } from "./local-commit-range";
export type { Checkout } from "./read-checkout";
export { readCheckout } from "./read-checkout";
export type { ReadCommitsOptions } from "./read-commits";
export { isNullRevision, readCommits } from "./read-commits";
export { resolveDraftCommits } from "./resolve-draft-commits";
