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
export const collect: Collector = collectFromEnv(collectBitbucketPipelines);

function collectBitbucketPipelines(env: Environment): BuildInformationDraft {
  const head = firstEnv(env, ["BITBUCKET_COMMIT"]);
  const selection = selectCommits({
    server: "Bitbucket Pipelines",
    head,
    bases: [firstEnv(env, ["BITBUCKET_PR_DESTINATION_COMMIT"])],
    cloneDepth: "`clone: depth` in bitbucket-pipelines.yml",
  });
  return draftFromEnvValues(
    manifest.displayName,
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
