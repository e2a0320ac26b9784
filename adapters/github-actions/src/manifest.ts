import type { AdapterManifest } from "@buildinfo/core";
import { githubLogCommands } from "./github-log-commands";

/**
 * GitHub Actions (docs/reference/servers/github-actions.md): the run's variables and event payload;
 * commits from the push payload when it is complete, else from the GitHub API, else from the checkout.
 */
export const manifest: AdapterManifest = {
  id: "github-actions",
  displayName: "GitHub Actions",
  detectWhen: [[{ variable: "GITHUB_ACTIONS", equals: "true" }]],
  rerun: { variable: "GITHUB_RUN_ATTEMPT", kind: "attempt" },
  logCommands: githubLogCommands,
  historyFix: "give actions/checkout `fetch-depth: 0` (it fetches one commit by default)",
  loadCollector: async () => (await import("./collector")).collect,
  loadRangeReader: async () => (await import("./range-reader")).readRange,
};
