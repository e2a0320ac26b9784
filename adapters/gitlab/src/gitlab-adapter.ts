import {
  type Adapter,
  type BuildInformationDraft,
  collectFromEnv,
  draftFromEnvValues,
  type Environment,
  fillEnvTemplate,
  firstEnv,
  selectCommits,
  tagOrBranch,
} from "@buildinfo/core";

const GITLAB_BUILD_ENVIRONMENT = "GitLab CI";

/**
 * GitLab CI from its predefined variables (docs/reference/servers/gitlab.md). The repository is `CI_PROJECT_URL`:
 * `CI_REPOSITORY_URL` carries the job token (`gitlab-ci-token:<token>@`) and is never read.
 */
export const gitlabAdapter: Adapter = {
  id: "gitlab",
  displayName: GITLAB_BUILD_ENVIRONMENT,
  detect: (env) => env.GITLAB_CI?.trim().toLowerCase() === "true",
  collect: collectFromEnv(collectGitlab),
};

function collectGitlab(env: Environment): BuildInformationDraft {
  const head = firstEnv(env, ["CI_COMMIT_SHA"]);
  const mergeRequestBranch = firstEnv(env, [
    "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
    "CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME",
  ]);
  const branch =
    mergeRequestBranch ??
    tagOrBranch(firstEnv(env, ["CI_COMMIT_TAG"]), firstEnv(env, ["CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME"]));
  const selection = selectCommits({
    server: GITLAB_BUILD_ENVIRONMENT,
    head,
    previous: firstEnv(env, ["CI_COMMIT_BEFORE_SHA"]),
    bases: [
      firstEnv(env, ["CI_MERGE_REQUEST_DIFF_BASE_SHA"]),
      firstEnv(env, ["CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA"]),
    ],
    headMessage: firstEnv(env, ["CI_COMMIT_MESSAGE"]),
    cloneDepth: "GIT_DEPTH",
  });
  return draftFromEnvValues(
    GITLAB_BUILD_ENVIRONMENT,
    {
      buildNumber: firstEnv(env, ["CI_PIPELINE_IID", "CI_PIPELINE_ID"]),
      buildUrl:
        firstEnv(env, ["CI_PIPELINE_URL"]) ??
        fillEnvTemplate(env, "{CI_PROJECT_URL}/-/pipelines/{CI_PIPELINE_ID}"),
      branch,
      vcsType: { value: "Git", source: "GitLab CI (Git only)" },
      vcsRoot: firstEnv(env, ["CI_PROJECT_URL"]) ?? fillEnvTemplate(env, "{CI_SERVER_URL}/{CI_PROJECT_PATH}"),
      vcsCommitNumber: head,
    },
    selection,
  );
}
