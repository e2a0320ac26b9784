import type { AdapterManifest } from "@buildinfo/core";

/**
 * Bitbucket Pipelines, Bitbucket Cloud and Git only (docs/reference/servers/bitbucket-pipelines.md). Its
 * BuildEnvironment is spelled as the Octopus CLI's Bitbucket sample spells it, so build information from
 * the official pipe and from buildinfo look the same in Octopus.
 */
export const manifest: AdapterManifest = {
  id: "bitbucket-pipelines",
  displayName: "BitBucket",
  detectWhen: [
    // BITBUCKET_COMMIT alone is ci-info's marker; Bitbucket Pipelines sets it in every step.
    [{ variable: "BITBUCKET_BUILD_NUMBER" }],
    [{ variable: "BITBUCKET_COMMIT" }],
    [{ variable: "BITBUCKET_PIPELINE_UUID" }, { variable: "BITBUCKET_STEP_UUID" }],
  ],
  historyFix:
    "set `clone: depth: full` in bitbucket-pipelines.yml (the default clone holds the last 50 commits)",
  loadCollector: async () => (await import("./collector")).collect,
};
