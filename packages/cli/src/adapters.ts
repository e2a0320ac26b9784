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
import { type Adapter, BuildInfoError, type Environment } from "@buildinfo/core";

/**
 * The build servers in detection order. Hosted servers that set one unambiguous marker for every job
 * come first; Jenkins comes last because its variables are generic (`BUILD_URL` is also set by
 * TeamCity) and `JENKINS_URL` often leaks into agents and containers that other servers then run.
 * `git` (the local checkout) is the fallback and is never detected.
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

/** Every adapter by its `--from` id. */
export const adapters: ReadonlyMap<string, Adapter> = new Map(
  [...detectionOrder, gitAdapter].map((adapter) => [adapter.id, adapter]),
);

export interface Detection {
  adapter: Adapter;
  /** How the adapter was chosen, for the log. */
  reason: string;
  /** Set when several servers' markers were present. */
  warning?: string;
}

export function adapterById(id: string, source = "--from"): Adapter {
  const adapter = adapters.get(id.trim().toLowerCase());
  if (adapter === undefined) {
    throw new BuildInfoError("E_USAGE", `Unknown adapter '${id}' (from ${source}).`, {
      hint: `Use one of: ${[...adapters.keys()].join(", ")}.`,
      source,
    });
  }
  return adapter;
}

/** The first server in `detectionOrder` whose markers are present, else `git`. */
export function detectAdapter(env: Environment): Detection {
  const detected = detectionOrder.filter((adapter) => adapter.detect(env));
  const [first, ...others] = detected;
  if (first === undefined) {
    return { adapter: gitAdapter, reason: "no build server detected; reading the local git checkout" };
  }
  if (others.length === 0) return { adapter: first, reason: `detected ${first.displayName}` };
  const names = detected.map((adapter) => adapter.displayName).join(", ");
  return {
    adapter: first,
    reason: `detected ${first.displayName}`,
    warning:
      `The environment has the markers of several build servers (${names}); using ${first.displayName}, ` +
      `the first in the detection order. Pass --from ${others.map((adapter) => adapter.id).join("|")} to choose another.`,
  };
}
