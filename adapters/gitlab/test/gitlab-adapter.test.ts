import { type Environment, isBuildInfoError, isDetected, normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createFeatureBranchRepo, createTestContext, type TempGitRepo } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { collect as collectDraft } from "../src/collector";
import { manifest } from "../src/manifest";

const ZEROS = "0000000000000000000000000000000000000000";
const JOB_TOKEN = "glcbt-64_Zx9YqV3sJ7kLmN2pQ8rT";

const REMOTE = `https://gitlab-ci-token:${JOB_TOKEN}@gitlab.com/acme/shop-web.git`;
const repos: TempGitRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

async function repoWithFeatureBranch(shallowClone = false): Promise<TempGitRepo> {
  const repo = await createFeatureBranchRepo({ remoteUrl: REMOTE, shallowClone });
  repos.push(repo);
  return repo;
}

/** A branch push pipeline as GitLab 17 sets it up (predefined CI/CD variables, docs/reference/servers/gitlab.md#environment). */
function pushPipelineEnv(repo: TempGitRepo, overrides: Record<string, string | undefined> = {}): Environment {
  const head = repo.shas.at(-1)!;
  return {
    CI: "true",
    GITLAB_CI: "true",
    CI_SERVER: "yes",
    CI_SERVER_URL: "https://gitlab.com",
    CI_SERVER_HOST: "gitlab.com",
    CI_API_V4_URL: "https://gitlab.com/api/v4",
    CI_PROJECT_ID: "48213977",
    CI_PROJECT_NAME: "shop-web",
    CI_PROJECT_NAMESPACE: "acme",
    CI_PROJECT_PATH: "acme/shop-web",
    CI_PROJECT_URL: "https://gitlab.com/acme/shop-web",
    CI_PROJECT_DIR: repo.dir,
    CI_REPOSITORY_URL: `https://gitlab-ci-token:${JOB_TOKEN}@gitlab.com/acme/shop-web.git`,
    CI_JOB_TOKEN: JOB_TOKEN,
    CI_PIPELINE_ID: "1584470129",
    CI_PIPELINE_IID: "214",
    CI_PIPELINE_URL: "https://gitlab.com/acme/shop-web/-/pipelines/1584470129",
    CI_PIPELINE_SOURCE: "push",
    CI_JOB_ID: "8061290042",
    CI_JOB_NAME: "buildinfo",
    CI_JOB_URL: "https://gitlab.com/acme/shop-web/-/jobs/8061290042",
    CI_COMMIT_SHA: head,
    CI_COMMIT_SHORT_SHA: head.slice(0, 8),
    CI_COMMIT_BEFORE_SHA: repo.shas[1]!,
    CI_COMMIT_REF_NAME: "feature/SHOP-7-coupons",
    CI_COMMIT_REF_SLUG: "feature-shop-7-coupons",
    CI_COMMIT_BRANCH: "feature/SHOP-7-coupons",
    CI_COMMIT_MESSAGE: `${repo.git(["log", "-1", "--format=%B", head])}\n`,
    CI_COMMIT_TITLE: repo.git(["log", "-1", "--format=%s", head]),
    CI_COMMIT_AUTHOR: "Ada Builder <ada@example.com>",
    CI_DEFAULT_BRANCH: "main",
    ...overrides,
  };
}

async function collect(env: Environment, repo: TempGitRepo) {
  const git = createGitRunner(repo.dir);
  const draft = await collectDraft(createTestContext({ env, git }));
  const resolved = await resolveDraftCommits(draft, git);
  return { draft, resolved, ...normalizeDraft(resolved) };
}

describe("gitlabAdapter", () => {
  it("detects GitLab CI from GITLAB_CI", () => {
    expect(isDetected(manifest, { GITLAB_CI: "true", CI: "true" })).toBe(true);
    expect(isDetected(manifest, { CI: "true", CI_SERVER_URL: "https://gitlab.com" })).toBe(false);
  });

  it("maps a branch pipeline and reads CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA from the checkout", async () => {
    const repo = await repoWithFeatureBranch();
    const { buildInformation, resolved, warnings } = await collect(pushPipelineEnv(repo), repo);
    expect(buildInformation).toEqual({
      BuildEnvironment: "GitLab CI",
      BuildNumber: "214",
      BuildUrl: "https://gitlab.com/acme/shop-web/-/pipelines/1584470129",
      Branch: "feature/SHOP-7-coupons",
      VcsType: "Git",
      VcsRoot: "https://gitlab.com/acme/shop-web",
      VcsCommitNumber: repo.shas[3],
      Commits: repo.octopusCommits(`${repo.shas[1]}..${repo.shas[3]}`),
    });
    expect(buildInformation.Commits).toHaveLength(2);
    expect(buildInformation.Commits[1]?.Comment).toContain("Closes #12");
    expect(resolved.sources).toMatchObject({
      vcsRoot: "CI_PROJECT_URL",
      buildNumber: "CI_PIPELINE_IID",
      commits: "git log CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA, clone depth set by GIT_DEPTH",
    });
    expect(warnings).toEqual([]);
  });

  it("never lets the job token of CI_REPOSITORY_URL into the draft or the result", async () => {
    const repo = await repoWithFeatureBranch();
    const env = pushPipelineEnv(repo, { CI_PROJECT_URL: undefined, CI_PIPELINE_URL: undefined });
    const { draft, resolved, buildInformation, warnings } = await collect(env, repo);
    const everything = JSON.stringify({ draft, resolved, buildInformation, warnings });
    expect(everything).not.toContain(JOB_TOKEN);
    expect(everything).not.toContain("gitlab-ci-token");
    expect(buildInformation.VcsRoot).toBe("https://gitlab.com/acme/shop-web");
    expect(resolved.sources?.vcsRoot).toBe("{CI_SERVER_URL}/{CI_PROJECT_PATH}");
  });

  it("composes the pipeline URL from CI_PROJECT_URL when CI_PIPELINE_URL is missing (GitLab 9)", async () => {
    const repo = await repoWithFeatureBranch();
    const env = pushPipelineEnv(repo, { CI_PIPELINE_URL: undefined, CI_PIPELINE_IID: undefined });
    const { buildInformation } = await collect(env, repo);
    expect(buildInformation.BuildUrl).toBe("https://gitlab.com/acme/shop-web/-/pipelines/1584470129");
    expect(buildInformation.BuildNumber).toBe("1584470129");
  });

  it("sends a merge request's commits (CI_MERGE_REQUEST_DIFF_BASE_SHA..CI_COMMIT_SHA) with its source branch", async () => {
    const repo = await repoWithFeatureBranch();
    const env = pushPipelineEnv(repo, {
      CI_PIPELINE_SOURCE: "merge_request_event",
      CI_COMMIT_BRANCH: undefined,
      CI_COMMIT_BEFORE_SHA: ZEROS,
      CI_MERGE_REQUEST_ID: "331809214",
      CI_MERGE_REQUEST_IID: "57",
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "feature/SHOP-7-coupons",
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
      CI_MERGE_REQUEST_DIFF_BASE_SHA: repo.shas[1]!,
      CI_MERGE_REQUEST_TITLE: "SHOP-7 coupons",
    });
    const { buildInformation, warnings } = await collect(env, repo);
    expect(buildInformation.Branch).toBe("feature/SHOP-7-coupons");
    expect(buildInformation.Commits).toEqual(repo.octopusCommits(`${repo.shas[1]}..${repo.shas[3]}`));
    expect(warnings).toEqual([
      "CI_COMMIT_BEFORE_SHA is all zeros (GitLab CI knows no previous commit for this build): reading the " +
        "commits of CI_MERGE_REQUEST_DIFF_BASE_SHA..CI_COMMIT_SHA instead.",
    ]);
  });

  it("sends only the head commit, from CI_COMMIT_MESSAGE, on a tag's first pipeline", async () => {
    const repo = await repoWithFeatureBranch();
    const env = pushPipelineEnv(repo, {
      CI_COMMIT_BRANCH: undefined,
      CI_COMMIT_TAG: "v1.4.0",
      CI_COMMIT_REF_NAME: "v1.4.0",
      CI_COMMIT_BEFORE_SHA: ZEROS,
    });
    const { buildInformation, resolved, warnings } = await collect(env, repo);
    expect(buildInformation.Branch).toBe("refs/tags/v1.4.0");
    expect(buildInformation.Commits).toEqual(repo.octopusCommits(`${repo.shas[2]}..${repo.shas[3]}`));
    expect(resolved.sources?.commits).toBe("CI_COMMIT_SHA + CI_COMMIT_MESSAGE");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^CI_COMMIT_BEFORE_SHA is all zeros .*only the head commit \(CI_COMMIT_SHA\) is sent/,
    );
  });

  it("sends only the head commit on a scheduled pipeline, without passing the zeros to git", async () => {
    const repo = await repoWithFeatureBranch();
    const env = pushPipelineEnv(repo, { CI_PIPELINE_SOURCE: "schedule", CI_COMMIT_BEFORE_SHA: ZEROS });
    const { draft, buildInformation } = await collect(env, repo);
    expect(draft.commitRange).toBeUndefined();
    expect(buildInformation.Commits).toEqual(repo.octopusCommits(`${repo.shas[2]}..${repo.shas[3]}`));
  });

  it("sends no commits, with a warning, when CI_COMMIT_SHA is missing", async () => {
    const repo = await repoWithFeatureBranch();
    const { draft, buildInformation, warnings } = await collect(
      pushPipelineEnv(repo, { CI_COMMIT_SHA: undefined }),
      repo,
    );
    expect(draft.commitRange).toBeUndefined();
    expect(buildInformation.Commits).toEqual([]);
    expect(buildInformation.VcsCommitNumber).toBeUndefined();
    expect(warnings).toEqual(["GitLab CI gave no commit for this build, so no commits are sent."]);
  });

  it("names GIT_DEPTH when CI_COMMIT_BEFORE_SHA is beyond a shallow clone", async () => {
    const repo = await repoWithFeatureBranch(true);
    const env = pushPipelineEnv(repo);
    const error = await collect(env, repo).catch((caught: unknown) => caught);
    expect(isBuildInfoError(error) && error.code).toBe("E_SHALLOW_CLONE");
    expect(String((error as Error).message)).toContain("clone depth set by GIT_DEPTH");
  });
});
