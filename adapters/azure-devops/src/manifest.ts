import type { AdapterManifest } from "@buildinfo/core";
import { azureLogCommands } from "./azure-log-commands";

/**
 * Azure Pipelines and TFS builds, Git and TFVC (docs/reference/servers/azure-devops.md): the predefined
 * variables, and every change of the build from the build changes API with `SYSTEM_ACCESSTOKEN`.
 * "Azure DevOps" is the one BuildEnvironment value that switches on Octopus's Azure DevOps issue tracker.
 */
export const manifest: AdapterManifest = {
  id: "azure-devops",
  displayName: "Azure DevOps",
  detectWhen: [
    // Every Azure Pipelines and TFS build sets both; env-ci looks at BUILD_BUILDURI alone (docs/cli.md#detection).
    [{ variable: "TF_BUILD", equals: "true" }],
    [{ variable: "BUILD_BUILDURI" }],
  ],
  rerun: { variable: "SYSTEM_JOBATTEMPT", kind: "attempt" },
  logCommands: azureLogCommands,
  historyFix:
    "set `fetchDepth: 0` on the pipeline's `checkout` step (new pipelines fetch shallow by default)",
  loadCollector: async () => (await import("./collector")).collect,
};
