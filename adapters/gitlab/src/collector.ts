import {
  type BuildInformationDraft,
  type Collector,
  collectFromEnv,
  draftFromEnvValues,
  type Environment,
  fillEnvTemplate,
  firstEnv,
  selectCommits,
  tagOrBranch,
} from "@buildinfo/core";
import { manifest } from "./manifest";

/** The build's information from its environment variables alone. */
export const collect: Collector = collectFromEnv(collectGitlab);

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
    server: "GitLab CI",
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
    manifest.displayName,
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
