import { type Environment, isBuildInfoError, isDetected, normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createFeatureBranchRepo, createTestContext, type TempGitRepo } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { collect as collectDraft } from "../src/collector";
import { manifest } from "../src/manifest";

const REMOTE = "http://bitbucket.org/acme/shop-web";
const repos: TempGitRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

async function repoWithFeatureBranch(shallowClone = false): Promise<TempGitRepo> {
  const repo = await createFeatureBranchRepo({ remoteUrl: REMOTE, shallowClone });
  repos.push(repo);
  return repo;
}

/** A branch pipeline's default variables (docs/reference/servers/bitbucket-pipelines.md#environment). */
function branchPipelineEnv(
  repo: TempGitRepo,
  overrides: Record<string, string | undefined> = {},
): Environment {
  return {
    CI: "true",
    BITBUCKET_BUILD_NUMBER: "288",
    BITBUCKET_CLONE_DIR: repo.dir,
    BITBUCKET_COMMIT: repo.git(["rev-parse", "HEAD"]),
    BITBUCKET_BRANCH: "feature/SHOP-7-coupons",
    BITBUCKET_WORKSPACE: "acme",
    BITBUCKET_REPO_SLUG: "shop-web",
    BITBUCKET_REPO_FULL_NAME: "acme/shop-web",
    BITBUCKET_REPO_OWNER: "acme",
    BITBUCKET_REPO_UUID: "{1b2f6e0c-9a51-4c4e-8d3e-0f1f1e6b7a21}",
    BITBUCKET_PROJECT_KEY: "SHOP",
    BITBUCKET_PROJECT_UUID: "{4c0d5b2e-7f0a-4f8e-9a55-5e0b8f8c1d33}",
    BITBUCKET_PIPELINE_UUID: "{a7c61a0e-4a53-4cfa-9d2b-2d6fbb6f3f4e}",
    BITBUCKET_STEP_UUID: "{0f3c2b86-2e3f-4c07-bc8b-90ad7c0e1f55}",
    BITBUCKET_STEP_TRIGGERER_UUID: "{7d1c0b0e-23a1-4f4b-b1c6-6a0a2f8a9e10}",
    BITBUCKET_GIT_HTTP_ORIGIN: "http://bitbucket.org/acme/shop-web",
    BITBUCKET_GIT_SSH_ORIGIN: "git@bitbucket.org:acme/shop-web.git",
    ...overrides,
  };
}

async function collect(env: Environment, repo: TempGitRepo) {
  const git = createGitRunner(repo.dir);
  const draft = await collectDraft(createTestContext({ env, git }));
  const resolved = await resolveDraftCommits(draft, git);
  return { draft, resolved, ...normalizeDraft(resolved) };
}

describe("bitbucketPipelinesAdapter", () => {
  it("detects Bitbucket Pipelines from BITBUCKET_BUILD_NUMBER or the pipeline and step ids", () => {
    expect(isDetected(manifest, { BITBUCKET_BUILD_NUMBER: "288" })).toBe(true);
    expect(isDetected(manifest, { BITBUCKET_PIPELINE_UUID: "{a}", BITBUCKET_STEP_UUID: "{b}" })).toBe(true);
    expect(isDetected(manifest, { CI: "true", BITBUCKET_BRANCH: "main" })).toBe(false);
  });

  it("maps a branch pipeline and reads the head commit from the checkout, with a warning", async () => {
    const repo = await repoWithFeatureBranch();
    const { buildInformation, resolved, warnings } = await collect(branchPipelineEnv(repo), repo);
    expect(buildInformation).toEqual({
      BuildEnvironment: "BitBucket",
      BuildNumber: "288",
      BuildUrl: "https://bitbucket.org/acme/shop-web/addon/pipelines/home#!/results/288",
      Branch: "feature/SHOP-7-coupons",
      VcsType: "Git",
      VcsRoot: "https://bitbucket.org/acme/shop-web",
      VcsCommitNumber: repo.shas[3],
      Commits: repo.octopusCommits(`${repo.shas[2]}..${repo.shas[3]}`),
    });
    expect(resolved.sources?.commits).toBe(
      "git log BITBUCKET_COMMIT^..BITBUCKET_COMMIT, clone depth set by `clone: depth` in bitbucket-pipelines.yml",
    );
    expect(warnings).toEqual([
      "Bitbucket Pipelines gives no previous commit for this build: only the head commit (BITBUCKET_COMMIT, and " +
        "for a merge commit the commits it merged) is read from the checkout. Pass --since <commit> to send the " +
        "commits since then.",
    ]);
  });

  it("includes the commits a merge commit brought in when the head is a merge", async () => {
    const repo = await repoWithFeatureBranch();
    repo.git(["checkout", "--quiet", "main"]);
    repo.git([
      "merge",
      "--quiet",
      "--no-ff",
      "-m",
      "Merged in feature/SHOP-7-coupons (pull request #9)",
      "feature/SHOP-7-coupons",
    ]);
    const merge = repo.git(["rev-parse", "HEAD"]);
    const env = branchPipelineEnv(repo, { BITBUCKET_BRANCH: "main" });
    const { buildInformation } = await collect(env, repo);
    expect(buildInformation.Branch).toBe("main");
    expect(buildInformation.Commits.map((commit) => commit.Id)).toEqual([merge, repo.shas[3], repo.shas[2]]);
    expect(buildInformation.Commits).toEqual(repo.octopusCommits(`${merge}^..${merge}`));
  });

  it("maps a tag pipeline, which has BITBUCKET_TAG and no BITBUCKET_BRANCH", async () => {
    const repo = await repoWithFeatureBranch();
    const env = branchPipelineEnv(repo, { BITBUCKET_BRANCH: undefined, BITBUCKET_TAG: "v2.0.0" });
    const { buildInformation, resolved } = await collect(env, repo);
    expect(buildInformation.Branch).toBe("refs/tags/v2.0.0");
    expect(resolved.sources?.branch).toBe("BITBUCKET_TAG");
  });

  it("reads a pull request's commits from BITBUCKET_PR_DESTINATION_COMMIT..BITBUCKET_COMMIT", async () => {
    const repo = await repoWithFeatureBranch();
    const env = branchPipelineEnv(repo, {
      BITBUCKET_PR_ID: "9",
      BITBUCKET_PR_DESTINATION_BRANCH: "main",
      BITBUCKET_PR_DESTINATION_COMMIT: repo.shas[1]!.slice(0, 12),
    });
    const { buildInformation, warnings } = await collect(env, repo);
    expect(buildInformation.Branch).toBe("feature/SHOP-7-coupons");
    expect(buildInformation.Commits).toEqual(repo.octopusCommits(`${repo.shas[1]}..${repo.shas[3]}`));
    expect(warnings).toEqual([
      "Bitbucket Pipelines gives no previous commit for this build: reading the commits of " +
        "BITBUCKET_PR_DESTINATION_COMMIT..BITBUCKET_COMMIT instead.",
    ]);
  });

  it("takes the HTTP origin as the repository when the full name is missing", async () => {
    const repo = await repoWithFeatureBranch();
    const env = branchPipelineEnv(repo, { BITBUCKET_REPO_FULL_NAME: undefined });
    const { buildInformation, resolved } = await collect(env, repo);
    expect(buildInformation.VcsRoot).toBe("https://bitbucket.org/acme/shop-web");
    expect(resolved.sources?.vcsRoot).toBe("BITBUCKET_GIT_HTTP_ORIGIN");
    expect(buildInformation.BuildUrl).toBeUndefined();
  });

  it("names `clone: depth` when the head's parent is beyond a depth-1 clone", async () => {
    const repo = await repoWithFeatureBranch(true);
    const error = await collect(branchPipelineEnv(repo), repo).catch((caught: unknown) => caught);
    expect(isBuildInfoError(error) && error.code).toBe("E_SHALLOW_CLONE");
    expect((error as Error).message).toContain(
      "clone depth set by `clone: depth` in bitbucket-pipelines.yml",
    );
  });
});
