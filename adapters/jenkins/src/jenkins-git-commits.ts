import {
  type CommitSelection,
  type Environment,
  type EnvValue,
  firstEnv,
  selectCommits,
} from "@buildinfo/core";
import { jenkinsChangeRequest } from "./jenkins-branch";

/**
 * The commits to read from the checkout when the API gives none: since the last successful build of
 * the branch (so the changes of failed builds in between are kept), else since the previous build;
 * on the first build of a change request, the commits not on its target (`origin/<target>..`, the target
 * from `CHANGE_TARGET`, `ghprbTargetBranch` or `gitlabTargetBranch`);
 * on the first build of any other branch, the head commit alone (core `selectCommits` rule).
 */
export function jenkinsGitCommits(env: Environment, head: EnvValue | undefined): CommitSelection {
  const target = jenkinsChangeRequest(env)?.target;
  return selectCommits({
    server: "Jenkins",
    head,
    previous: firstEnv(env, ["GIT_PREVIOUS_SUCCESSFUL_COMMIT", "GIT_PREVIOUS_COMMIT"]),
    bases: [target && { value: `origin/${target.value}`, source: `origin/${target.source}` }],
  });
}
