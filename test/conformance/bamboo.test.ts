import { manifest as bambooAdapter } from "@buildinfo/adapter-bamboo";
import { collectBuildInformation } from "@buildinfo/collect";
import { createHttpClient } from "@buildinfo/http";
import {
  type ConformanceBuild,
  createConformanceBuild,
  type FakeApi,
  startFakeApi,
} from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: Bamboo", () => {
  let build: ConformanceBuild;
  let api: FakeApi;
  const http = createHttpClient();
  beforeAll(async () => {
    build = await createConformanceBuild();
    api = await startFakeApi((request) =>
      request.path === "/rest/api/latest/result/SHOP-WEB3-JOB1-311" &&
      request.headers.authorization === "Bearer pat-token"
        ? {
            body: {
              key: "SHOP-WEB3-JOB1-311",
              number: 311,
              vcsRevisionKey: build.head,
              changes: {
                size: build.buildCommits.length,
                "start-index": 0,
                "max-result": build.buildCommits.length,
                expand: "change",
                change: build.buildCommits.map((commit) => ({
                  changesetId: commit.id,
                  author: "ada",
                  userName: "ada",
                  fullName: "Ada Builder",
                  comment: commit.comment,
                  commitUrl: `https://github.com/acme/shop-web/commit/${commit.id}`,
                  date: "2025-01-06T09:05:00.000Z",
                })),
              },
            },
          }
        : { status: 404, body: { message: "not found", "status-code": 404 } },
    );
  });
  afterAll(async () => {
    await api.close();
    await http.close();
    await build.repo.cleanup();
  });

  const env = () => ({
    bamboo_buildKey: "SHOP-WEB3-JOB1",
    bamboo_planKey: "SHOP-WEB3",
    bamboo_buildNumber: build.buildNumber,
    bamboo_buildResultKey: `SHOP-WEB3-JOB1-${build.buildNumber}`,
    bamboo_buildResultsUrl: `${api.url}/browse/SHOP-WEB3-JOB1-${build.buildNumber}`,
    bamboo_planRepository_branchName: build.branch,
    bamboo_planRepository_repositoryUrl: build.remoteUrl,
    bamboo_planRepository_revision: build.head,
    bamboo_planRepository_previousRevision: build.previous,
    bamboo_planRepository_type: "bbCloud",
  });

  it("gives the expected fields from the REST result's changes with BAMBOO_TOKEN", async () => {
    const { buildInformation } = await collectBuildInformation({
      adapter: bambooAdapter,
      env: { ...env(), BAMBOO_TOKEN: "pat-token" },
      cwd: build.repo.dir,
      http,
    });
    expect(buildInformation).toMatchObject(build.expected);
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });

  it("gives the same fields from the checkout's previousRevision..revision without a token", async () => {
    const { buildInformation } = await collectBuildInformation({
      adapter: bambooAdapter,
      env: env(),
      cwd: build.repo.dir,
    });
    expect(buildInformation).toMatchObject(build.expected);
  });
});
