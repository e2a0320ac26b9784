import { manifest as gitlabAdapter } from "@buildinfo/adapter-gitlab";
import { collectBuildInformation } from "@buildinfo/collect";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: GitLab CI", () => {
  let build: ConformanceBuild;
  beforeAll(async () => {
    build = await createConformanceBuild();
  });
  afterAll(() => build.repo.cleanup());

  it("gives the expected fields for the build as a branch pipeline", async () => {
    const env = {
      GITLAB_CI: "true",
      CI_SERVER_URL: "https://gitlab.com",
      CI_PROJECT_PATH: "acme/shop-web",
      CI_PROJECT_URL: "https://gitlab.com/acme/shop-web",
      CI_REPOSITORY_URL: "https://gitlab-ci-token:glcbt-64_conformanceToken@gitlab.com/acme/shop-web.git",
      CI_PIPELINE_ID: "1584470129",
      CI_PIPELINE_IID: build.buildNumber,
      CI_PIPELINE_URL: "https://gitlab.com/acme/shop-web/-/pipelines/1584470129",
      CI_PIPELINE_SOURCE: "push",
      CI_COMMIT_SHA: build.head,
      CI_COMMIT_BEFORE_SHA: build.previous,
      CI_COMMIT_REF_NAME: build.branch,
      CI_COMMIT_BRANCH: build.branch,
      CI_COMMIT_MESSAGE: build.buildCommits[0]!.comment,
    };
    const { buildInformation } = await collectBuildInformation({
      adapter: gitlabAdapter,
      env,
      cwd: build.repo.dir,
    });
    // GitLab CI builds GitLab projects (a GitHub repository through its GitLab mirror): the repository
    // Octopus links to is the project's own URL.
    expect(buildInformation).toMatchObject({
      ...build.expected,
      VcsRoot: "https://gitlab.com/acme/shop-web",
    });
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });
});
