import type { Adapter, AdapterContext, BuildInformationDraft } from "@buildinfo/core";
import { localCommitRange } from "./local-commit-range";
import { readCheckout } from "./read-checkout";

/**
 * The local checkout as a build: no build server, so HEAD, its branch and `origin` come from git and
 * the commits from `localCommitRange`. Never detected: the CLI falls back to it when no server's
 * markers are present, or runs it for `--from git`.
 * Options: `since` (a revision, `--since REV`), `buildNumber`.
 */
export const gitAdapter: Adapter = {
  id: "git",
  displayName: "Git",
  detect: () => false,
  async collect(context: AdapterContext): Promise<BuildInformationDraft> {
    const checkout = await readCheckout(context.git);
    const commitRange = await localCommitRange(context.git, checkout.head, context.options.since);
    const buildNumber = context.options.buildNumber?.trim() || undefined;
    return {
      buildEnvironment: "Git",
      buildNumber,
      branch: checkout.branch,
      vcsType: "git",
      vcsRoot: checkout.remoteUrl,
      vcsCommitNumber: checkout.head,
      commitRange,
      sources: {
        buildEnvironment: "git adapter",
        ...(buildNumber === undefined ? {} : { buildNumber: "--build-number" }),
        ...(checkout.branch === undefined ? {} : { branch: "git symbolic-ref HEAD" }),
        vcsType: "git checkout",
        ...(checkout.remoteUrl === undefined ? {} : { vcsRoot: "git remote get-url" }),
        vcsCommitNumber: "git rev-parse HEAD",
      },
    };
  },
};
