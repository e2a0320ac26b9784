import type { PeerField } from "./peer-cases";

/**
 * Where buildinfo gives another value than env-ci on purpose: `ours` is what the test expects instead
 * (`null` = no value). Each reason is repeated in the server's docs page under "Differences from
 * env-ci/ci-info". `cases` matches case ids by prefix.
 */
export interface DesignDifference {
  cases: string;
  field: PeerField;
  ours: string | null;
  why: string;
  docs: string;
  /** Words of the docs page's "Differences from env-ci/ci-info" section that state this difference. */
  docsSays: string;
}

export const designDifferences: readonly DesignDifference[] = [
  {
    cases: "github/",
    field: "build",
    ours: null,
    why:
      "BuildNumber is GITHUB_RUN_NUMBER, as the official OctopusDeploy/push-build-information-action sends it; " +
      "env-ci uses GITHUB_RUN_ID (and its cases set no GITHUB_RUN_NUMBER)",
    docs: "docs/github-actions.md",
    docsSays: "`GITHUB_RUN_NUMBER`",
  },
  {
    cases: "github/PR - target",
    field: "branch",
    ours: "master",
    why:
      "a pull_request_target run builds the base branch (GITHUB_REF and GITHUB_SHA are the base's), so Branch " +
      "is what was built; env-ci reports refs/pull/N/merge, which that run never checked out",
    docs: "docs/github-actions.md",
    docsSays: "`pull_request_target`",
  },
  {
    cases: "teamcity/Push - prioritize build properties file values",
    field: "branch",
    ours: "other",
    why:
      "teamcity.build.branch is a configuration parameter, so the configuration parameters file " +
      "(teamcity.configuration.properties.file) wins over a same-named entry of the system properties file",
    docs: "docs/teamcity.md",
    docsSays: "`teamcity.configuration.properties.file`",
  },
  {
    cases: "bitbucket/Push",
    field: "branch",
    ours: "refs/tags/tag_name",
    why:
      "a tag build sends the tag as refs/tags/<tag>; env-ci's case sets BITBUCKET_TAG and BITBUCKET_BRANCH " +
      "together, which Bitbucket never does (BITBUCKET_BRANCH is unset on tag pipelines)",
    docs: "docs/bitbucket-pipelines.md",
    docsSays: "`refs/tags/<BITBUCKET_TAG>`",
  },
  {
    cases: "gitlab/Push",
    field: "branch",
    ours: "refs/tags/tag_name",
    why:
      "a tag pipeline (CI_COMMIT_TAG set) sends the tag as refs/tags/<tag>; env-ci's case pairs a tag with " +
      "CI_COMMIT_REF_NAME=master, while GitLab sets CI_COMMIT_REF_NAME to the tag in tag pipelines",
    docs: "docs/gitlab.md",
    docsSays: "`CI_COMMIT_TAG`",
  },
  {
    cases: "gitlab/",
    field: "buildUrl",
    ours: "https://gitlab.com/owner/repo/-/pipelines/91011",
    why: "GitLab's current pipeline route is /-/pipelines/<id>; env-ci builds the old /pipelines/<id> redirect",
    docs: "docs/gitlab.md",
    docsSays: "`{CI_PROJECT_URL}/-/pipelines/{CI_PIPELINE_ID}`",
  },
  {
    cases: "appveyor/",
    field: "buildUrl",
    ours: null,
    why:
      "BuildUrl is {APPVEYOR_URL}/project/{APPVEYOR_ACCOUNT_NAME}/{APPVEYOR_PROJECT_SLUG}/builds/{APPVEYOR_BUILD_ID}, " +
      "from variables AppVeyor sets in every build (and right for self-hosted AppVeyor); env-ci guesses " +
      "ci.appveyor.com/project/<repository name>, which is wrong when the account or project is named otherwise. " +
      "env-ci's cases set none of the variables",
    docs: "docs/appveyor.md",
    docsSays:
      "`{APPVEYOR_URL}/project/{APPVEYOR_ACCOUNT_NAME}/{APPVEYOR_PROJECT_SLUG}/builds/{APPVEYOR_BUILD_ID}`",
  },
];
