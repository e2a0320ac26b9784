import { type Environment, type EnvValue, firstEnv, tagOrBranch } from "@buildinfo/core";

/**
 * A change request's variables, whichever plugin started the build: multibranch (`CHANGE_*`), the GitHub
 * Pull Request Builder (`ghprb*`) or the GitLab plugin (`gitlab*`). Each sets its id only on a change request.
 */
const changeRequestPlugins = [
  { id: "CHANGE_ID", source: "CHANGE_BRANCH", target: "CHANGE_TARGET" },
  { id: "ghprbPullId", source: "ghprbSourceBranch", target: "ghprbTargetBranch" },
  { id: "gitlabMergeRequestId", source: "gitlabSourceBranch", target: "gitlabTargetBranch" },
] as const;

interface JenkinsChangeRequest {
  /** The branch the change request comes from. */
  source?: EnvValue | undefined;
  /** The branch it merges into. */
  target?: EnvValue | undefined;
}

/** The change request this build is for, or undefined when it builds a branch or a tag. */
export function jenkinsChangeRequest(env: Environment): JenkinsChangeRequest | undefined {
  if (!changeRequestPlugins.some((plugin) => firstEnv(env, [plugin.id]) !== undefined)) return undefined;
  return {
    source: firstEnv(
      env,
      changeRequestPlugins.map((plugin) => plugin.source),
    ),
    target: firstEnv(
      env,
      changeRequestPlugins.map((plugin) => plugin.target),
    ),
  };
}

/**
 * The raw branch: a change request's source branch (`CHANGE_BRANCH`, `ghprbSourceBranch`,
 * `gitlabSourceBranch`; not `BRANCH_NAME` = `PR-24`), a tag build's `TAG_NAME` as a tag ref, then
 * `BRANCH_NAME` (multibranch), `GIT_LOCAL_BRANCH`, `GIT_BRANCH` (remote-qualified; the core strips `origin/`).
 */
export function jenkinsBranch(env: Environment): EnvValue | undefined {
  return (
    jenkinsChangeRequest(env)?.source ??
    tagOrBranch(firstEnv(env, ["TAG_NAME"]), firstEnv(env, ["BRANCH_NAME", "GIT_LOCAL_BRANCH", "GIT_BRANCH"]))
  );
}
