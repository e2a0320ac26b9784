import type { AdapterManifest } from "@buildinfo/core";

/**
 * The local checkout as a build, with no build server: never detected; collection falls back to it when
 * no server's markers are present, or runs it for `--from git` (docs/git.md).
 */
export const manifest: AdapterManifest = {
  id: "git",
  displayName: "Git",
  detectWhen: [],
  historyFix:
    "fetch the history before buildinfo runs (`git fetch --unshallow`, and `git fetch origin <branch>` for a branch that was not fetched)",
  loadCollector: async () => (await import("./collector")).collect,
};
