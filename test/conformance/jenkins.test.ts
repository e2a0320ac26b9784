import { manifest as jenkinsAdapter } from "@buildinfo/adapter-jenkins";
import { collectBuildInformation } from "@buildinfo/collect";
import { createHttpClient } from "@buildinfo/http";
import {
  type ConformanceBuild,
  createConformanceBuild,
  type FakeApi,
  startFakeApi,
} from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelineBuild } from "../../adapters/jenkins/test/jenkins-fixtures";

describe("conformance: Jenkins", () => {
  let build: ConformanceBuild;
  let api: FakeApi;
  const http = createHttpClient();
  let firstBuildOfBranch = false;
  beforeAll(async () => {
    build = await createConformanceBuild();
    api = await startFakeApi((request) =>
      request.path === `/job/shop-web/job/feature%252FSHOP-12-price-cache/${build.buildNumber}/api/json`
        ? { body: pipelineBuild(firstBuildOfBranch ? [] : [build.buildCommits]) }
        : { status: 404, body: "Not found" },
    );
  });
  afterAll(async () => {
    await api.close();
    await http.close();
    await build.repo.cleanup();
  });

  const env = () => ({
    JENKINS_URL: `${api.url}/`,
    BUILD_URL: `${api.url}/job/shop-web/job/feature%252FSHOP-12-price-cache/${build.buildNumber}/`,
    JOB_NAME: "shop-web/feature%2FSHOP-12-price-cache",
    BUILD_NUMBER: build.buildNumber,
    BRANCH_NAME: build.branch,
    GIT_BRANCH: build.branch,
    GIT_COMMIT: build.head,
    GIT_URL: build.remoteUrl,
  });

  it("gives the expected fields from a multibranch pipeline's changeSets", async () => {
    firstBuildOfBranch = false;
    const { buildInformation } = await collectBuildInformation({
      adapter: jenkinsAdapter,
      env: env(),
      cwd: build.repo.dir,
      http,
    });
    expect(buildInformation).toMatchObject(build.expected);
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });

  it("gives the same fields from the checkout when the branch's first build has no change sets", async () => {
    firstBuildOfBranch = true;
    const { buildInformation } = await collectBuildInformation({
      adapter: jenkinsAdapter,
      env: { ...env(), GIT_PREVIOUS_SUCCESSFUL_COMMIT: build.previous },
      http,
      cwd: build.repo.dir,
    });
    expect(buildInformation).toMatchObject(build.expected);
  });
});
