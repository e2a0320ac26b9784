import { type Environment, type EnvValue, firstEnv, tagOrBranch } from "@buildinfo/core";

/**
 * The raw branch: a change request's source branch (`CHANGE_BRANCH`, not `BRANCH_NAME` = `PR-24`),
 * a tag build's `TAG_NAME` as a tag ref, then `BRANCH_NAME` (multibranch), `GIT_LOCAL_BRANCH`,
 * `GIT_BRANCH` (remote-qualified; the core strips `origin/`).
 */
export function jenkinsBranch(env: Environment): EnvValue | undefined {
  const changeBranch = env.CHANGE_ID ? firstEnv(env, ["CHANGE_BRANCH"]) : undefined;
  return (
    changeBranch ??
    tagOrBranch(firstEnv(env, ["TAG_NAME"]), firstEnv(env, ["BRANCH_NAME", "GIT_LOCAL_BRANCH", "GIT_BRANCH"]))
  );
}
