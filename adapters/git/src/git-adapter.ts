import type { Adapter, AdapterContext, BuildInformationDraft } from "@buildinfo/core";

/**
 * The local checkout as a build: no build server, so HEAD, its branch and `origin` come from the
 * checkout reader, and the commits from its local range (`--since REV`, else since the last tag).
 * Never detected: collection falls back to it when no server's markers are present, or runs it for
 * `--from git`. The build number, if any, comes from the `--build-number` override.
 */
export const gitAdapter: Adapter = {
  id: "git",
  displayName: "Git",
  detect: () => false,
  async collect(context: AdapterContext): Promise<BuildInformationDraft> {
    const checkout = await context.checkout.read();
    const commitRange = await context.checkout.localRange(checkout.head, context.options.since);
    return {
      buildEnvironment: "Git",
      branch: checkout.branch,
      vcsType: "git",
      vcsRoot: checkout.remoteUrl,
      vcsCommitNumber: checkout.head,
      commitRange,
      sources: {
        buildEnvironment: "git adapter",
        ...(checkout.branch === undefined ? {} : { branch: "git symbolic-ref HEAD" }),
        vcsType: "git checkout",
        ...(checkout.remoteUrl === undefined ? {} : { vcsRoot: "git remote get-url" }),
        vcsCommitNumber: "git rev-parse HEAD",
      },
    };
  },
};
