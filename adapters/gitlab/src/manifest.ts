import type { AdapterManifest } from "@buildinfo/core";

/** GitLab CI (docs/reference/servers/gitlab.md): its predefined variables only. */
export const manifest: AdapterManifest = {
  id: "gitlab",
  displayName: "GitLab CI",
  detectWhen: [[{ variable: "GITLAB_CI", equals: "true" }]],
  historyFix: "set the job variable `GIT_DEPTH: 0` (GitLab clones the last 20 commits by default)",
  loadCollector: async () => (await import("./collector")).collect,
};
