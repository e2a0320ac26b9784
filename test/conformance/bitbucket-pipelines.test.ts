import { manifest as bitbucketPipelinesAdapter } from "@buildinfo/adapter-bitbucket-pipelines";
import { collectBuildInformation } from "@buildinfo/collect";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: Bitbucket Pipelines", () => {
  let build: ConformanceBuild;
  beforeAll(async () => {
    build = await createConformanceBuild();
  });
  afterAll(() => build.repo.cleanup());

  // Bitbucket names no previous commit; the pull-request pipeline of the feature branch into main is
  // where it can express the build's commits (those not on the destination).
  it("gives the expected fields for the build as a pull-request pipeline", async () => {
    const env = {
      CI: "true",
      BITBUCKET_BUILD_NUMBER: build.buildNumber,
      BITBUCKET_COMMIT: build.head,
      BITBUCKET_BRANCH: build.branch,
      BITBUCKET_WORKSPACE: "acme",
      BITBUCKET_REPO_SLUG: "shop-web",
      BITBUCKET_REPO_FULL_NAME: "acme/shop-web",
      BITBUCKET_GIT_HTTP_ORIGIN: "http://bitbucket.org/acme/shop-web",
      BITBUCKET_PIPELINE_UUID: "{a7c61a0e-4a53-4cfa-9d2b-2d6fbb6f3f4e}",
      BITBUCKET_STEP_UUID: "{0f3c2b86-2e3f-4c07-bc8b-90ad7c0e1f55}",
      BITBUCKET_PR_ID: "41",
      BITBUCKET_PR_DESTINATION_BRANCH: "main",
      BITBUCKET_PR_DESTINATION_COMMIT: build.previous.slice(0, 12),
    };
    const { buildInformation } = await collectBuildInformation({
      adapter: bitbucketPipelinesAdapter,
      env,
      cwd: build.repo.dir,
    });
    // Bitbucket Pipelines builds only Bitbucket Cloud repositories: the same repository lives there.
    expect(buildInformation).toMatchObject({
      ...build.expected,
      VcsRoot: "https://bitbucket.org/acme/shop-web",
    });
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });
});
