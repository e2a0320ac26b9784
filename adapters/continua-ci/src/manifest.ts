import type { AdapterManifest } from "@buildinfo/core";

/** Continua CI (docs/reference/servers/continua-ci.md): the `ContinuaCI.*` variables its actions see, and the inputs its page asks for. */
export const manifest: AdapterManifest = {
  id: "continua-ci",
  displayName: "Continua CI",
  detectWhen: [[{ variable: "ContinuaCI.Version" }]],
  historyFix:
    "fetch the history in the workspace before buildinfo runs (`git fetch --unshallow`, and `git fetch origin <branch>` for a branch the build did not check out)",
  loadCollector: async () => (await import("./collector")).collect,
};
