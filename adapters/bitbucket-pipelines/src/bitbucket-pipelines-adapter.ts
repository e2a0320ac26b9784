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

// The spelling of the Octopus CLI's Bitbucket sample (docs/reference/servers/bitbucket-pipelines.md#the-octopus-clis-sample), so existing build
// information from the pipe and ours look the same in Octopus.
const BITBUCKET_BUILD_ENVIRONMENT = "BitBucket";

/**
 * Bitbucket Pipelines (Bitbucket Cloud, Git only) from its default variables (docs/reference/servers/bitbucket-pipelines.md).
 * The environment names no previous commit and no message: a pull-request pipeline reads the commits
 * not on the destination (`BITBUCKET_PR_DESTINATION_COMMIT..BITBUCKET_COMMIT`), any other pipeline
 * the head commit from the checkout.
 */
export const bitbucketPipelinesAdapter: Adapter = {
  id: "bitbucket-pipelines",
  displayName: BITBUCKET_BUILD_ENVIRONMENT,
  // BITBUCKET_COMMIT alone is ci-info's marker; Bitbucket Pipelines sets it in every step.
  detect: (env) =>
    firstEnv(env, ["BITBUCKET_BUILD_NUMBER", "BITBUCKET_COMMIT"]) !== undefined ||
    (firstEnv(env, ["BITBUCKET_PIPELINE_UUID"]) !== undefined &&
      firstEnv(env, ["BITBUCKET_STEP_UUID"]) !== undefined),
  collect: collectFromEnv(collectBitbucketPipelines),
};

function collectBitbucketPipelines(env: Environment): BuildInformationDraft {
  const head = firstEnv(env, ["BITBUCKET_COMMIT"]);
  const selection = selectCommits({
    server: "Bitbucket Pipelines",
    head,
    bases: [firstEnv(env, ["BITBUCKET_PR_DESTINATION_COMMIT"])],
    cloneDepth: "`clone: depth` in bitbucket-pipelines.yml",
  });
  return draftFromEnvValues(
    BITBUCKET_BUILD_ENVIRONMENT,
    {
      buildNumber: firstEnv(env, ["BITBUCKET_BUILD_NUMBER"]),
      buildUrl: fillEnvTemplate(
        env,
        "https://bitbucket.org/{BITBUCKET_REPO_FULL_NAME}/addon/pipelines/home#!/results/{BITBUCKET_BUILD_NUMBER}",
      ),
      branch: tagOrBranch(firstEnv(env, ["BITBUCKET_TAG"]), firstEnv(env, ["BITBUCKET_BRANCH"])),
      vcsType: { value: "Git", source: "Bitbucket Pipelines (Git only)" },
      vcsRoot:
        fillEnvTemplate(env, "https://bitbucket.org/{BITBUCKET_REPO_FULL_NAME}") ??
        firstEnv(env, ["BITBUCKET_GIT_HTTP_ORIGIN"]),
      vcsCommitNumber: head,
    },
    selection,
  );
}
