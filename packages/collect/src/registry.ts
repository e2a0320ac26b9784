import { appveyorAdapter } from "@buildinfo/adapter-appveyor";
import { azureDevOpsAdapter } from "@buildinfo/adapter-azure-devops";
import { bambooAdapter } from "@buildinfo/adapter-bamboo";
import { bitbucketPipelinesAdapter } from "@buildinfo/adapter-bitbucket-pipelines";
import { continuaCiAdapter } from "@buildinfo/adapter-continua-ci";
import { gitAdapter } from "@buildinfo/adapter-git";
import { githubActionsAdapter } from "@buildinfo/adapter-github-actions";
import { gitlabAdapter } from "@buildinfo/adapter-gitlab";
import { jenkinsAdapter } from "@buildinfo/adapter-jenkins";
import { teamcityAdapter } from "@buildinfo/adapter-teamcity";
import { type Adapter, BuildInfoError, didYouMean } from "@buildinfo/core";

/**
 * The one list of build servers, in detection order: help text, `--from`, detection, re-run detection
 * and the log-command dialect all come from here. Hosted servers that set one unambiguous marker for
 * every job come first; Jenkins comes last because its variables are generic (`BUILD_URL` is also set
 * by TeamCity) and `JENKINS_URL` often leaks into agents and containers that other servers then run.
 */
export const detectionOrder: readonly Adapter[] = [
  githubActionsAdapter,
  azureDevOpsAdapter,
  gitlabAdapter,
  bitbucketPipelinesAdapter,
  appveyorAdapter,
  teamcityAdapter,
  bambooAdapter,
  continuaCiAdapter,
  jenkinsAdapter,
];

/** The local checkout: used when no server is detected, never detected itself. */
export const fallbackAdapter: Adapter = gitAdapter;

/** Every adapter by its `--from` id, in detection order with the fallback last. */
export const adapters: ReadonlyMap<string, Adapter> = new Map(
  [...detectionOrder, fallbackAdapter].map((adapter) => [adapter.id, adapter]),
);

export function adapterById(id: string, source = "--from"): Adapter {
  const adapter = adapters.get(id.trim().toLowerCase());
  if (adapter === undefined) {
    throw new BuildInfoError("E_USAGE", `Unknown adapter '${id}' (from ${source}).`, {
      hint: `${didYouMean(id.trim(), [...adapters.keys()])}Use one of: ${[...adapters.keys()].join(", ")}.`,
      source,
    });
  }
  return adapter;
}
