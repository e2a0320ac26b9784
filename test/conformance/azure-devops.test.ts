import { manifest as azureDevOpsAdapter } from "@buildinfo/adapter-azure-devops";
import { collectBuildInformation } from "@buildinfo/collect";
import { createHttpClient } from "@buildinfo/http";
import {
  type ConformanceBuild,
  createConformanceBuild,
  type FakeApi,
  startFakeApi,
} from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: Azure DevOps", () => {
  let build: ConformanceBuild;
  let api: FakeApi;
  beforeAll(async () => {
    build = await createConformanceBuild();
    api = await startFakeApi((request) =>
      request.path === "/acme/Shop/_apis/build/builds/2087/changes" &&
      request.headers.authorization === "Bearer job-token"
        ? {
            body: {
              count: build.buildCommits.length,
              value: build.buildCommits.map((commit) => ({
                id: commit.id,
                message: commit.comment,
                type: "GitHub",
                timestamp: "2025-01-06T09:05:00Z",
                author: { displayName: "Ada Builder", uniqueName: "ada@example.com" },
                location: `https://api.github.com/repos/acme/shop-web/commits/${commit.id}`,
                displayUri: `https://github.com/acme/shop-web/commit/${commit.id}`,
              })),
            },
          }
        : { status: 404, body: { message: "not found" } },
    );
  });
  afterAll(async () => {
    await api.close();
    await build.repo.cleanup();
  });

  it("gives the expected fields for the build of a GitHub repository, commits from the changes API", async () => {
    const env = {
      TF_BUILD: "True",
      SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: `${api.url}/acme/`,
      SYSTEM_TEAMPROJECT: "Shop",
      BUILD_BUILDID: "2087",
      BUILD_BUILDNUMBER: build.buildNumber,
      BUILD_REASON: "IndividualCI",
      BUILD_REPOSITORY_PROVIDER: "GitHub",
      BUILD_REPOSITORY_NAME: "acme/shop-web",
      BUILD_REPOSITORY_URI: "https://github.com/acme/shop-web.git",
      BUILD_SOURCEBRANCH: `refs/heads/${build.branch}`,
      BUILD_SOURCEBRANCHNAME: "SHOP-12-price-cache",
      BUILD_SOURCEVERSION: build.head,
      SYSTEM_ACCESSTOKEN: "job-token",
    };
    const http = createHttpClient();
    try {
      const { buildInformation } = await collectBuildInformation({
        adapter: azureDevOpsAdapter,
        env,
        cwd: build.repo.dir,
        http,
      });
      expect(buildInformation).toMatchObject(build.expected);
      expect(buildInformation.Commits).toEqual(build.expected.Commits);
      expect(buildInformation).toMatchObject({
        BuildEnvironment: "Azure DevOps",
        BuildNumber: build.buildNumber,
        BuildUrl: `${api.url}/acme/Shop/_build/results?buildId=2087`,
      });
    } finally {
      await http.close();
    }
  });
});
