export { createCheckoutReader } from "./checkout-reader";
/** How one commit stands to another in the checkout: ancestor, not, or missing (and whether the clone is shallow). */
export { commitRelation } from "./commit-relation";
export type { GitRunnerOptions } from "./git-runner";
export { createGitRunner } from "./git-runner";
export type { ReadCommitsOptions } from "./read-commits";
export { readCommits } from "./read-commits";
export { resolveDraftCommits } from "./resolve-draft-commits";
