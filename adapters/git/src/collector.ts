import type { AdapterContext, BuildInformationDraft } from "@buildinfo/core";
import { manifest } from "./manifest";

/**
 * HEAD, its branch and `origin` from the checkout reader, and the commits of its local range (`--since
 * REV`, else since the last tag). The build number, if any, comes from the `--build-number` override.
 */
export async function collect(context: AdapterContext): Promise<BuildInformationDraft> {
  const checkout = await context.checkout.read();
  const commitRange = await context.checkout.localRange(checkout.head, context.options.since);
  return {
    buildEnvironment: manifest.displayName,
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
}
