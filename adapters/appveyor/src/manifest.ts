import type { AdapterManifest } from "@buildinfo/core";

/**
 * AppVeyor (docs/reference/servers/appveyor.md): its environment variables only. The environment holds
 * the head commit (with its message), no previous commit and no repository URL.
 */
export const manifest: AdapterManifest = {
  id: "appveyor",
  displayName: "AppVeyor",
  detectWhen: [[{ variable: "APPVEYOR", equals: "true" }]],
  rerun: { variable: "APPVEYOR_RE_BUILD", kind: "true" },
  historyFix:
    "remove `clone_depth` from appveyor.yml (or fetch the history in `install`: `git fetch --unshallow`)",
  loadCollector: async () => (await import("./collector")).collect,
};
