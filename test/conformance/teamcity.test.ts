import { teamcityAdapter } from "@buildinfo/adapter-teamcity";
import { normalizeDraft } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/octopus";
import {
  type ConformanceBuild,
  createConformanceBuild,
  createTestContext,
  type FakeApi,
  startFakeApi,
} from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type PropertiesFiles,
  teamCityChangesHandler,
  writeTeamCityProperties,
} from "../../adapters/teamcity/test/teamcity-fixtures";

describe("conformance: TeamCity", () => {
  let build: ConformanceBuild;
  let api: FakeApi;
  const http = createHttpClient();
  let files: PropertiesFiles;
  const rootId = "Shop_GitGithubComAcmeShopWebGit";
  beforeAll(async () => {
    build = await createConformanceBuild();
    api = await startFakeApi(
      teamCityChangesHandler(
        "70311",
        build.buildCommits.map((commit) => ({
          version: commit.id,
          comment: commit.comment,
          vcsRootId: rootId,
        })),
      ),
    );
    files = await writeTeamCityProperties(
      {
        "teamcity.build.id": "70311",
        "build.number": build.buildNumber,
        "teamcity.auth.userId": "TeamCityBuildId=70311",
        "teamcity.auth.password": "temporary-secret",
      },
      {
        "teamcity.serverUrl": api.url,
        "teamcity.build.branch": build.branch,
        [`teamcity.build.vcs.branch.${rootId}`]: `refs/heads/${build.branch}`,
        [`vcsroot.${rootId}.url`]: build.remoteUrl,
        [`vcsroot.${rootId}.vcsName`]: "jetbrains.git",
        [`build.vcs.number.${rootId}`]: build.head,
      },
    );
  });
  afterAll(async () => {
    await api.close();
    await http.close();
    await files.cleanup();
    await build.repo.cleanup();
  });

  it("gives the expected fields from the properties files and the REST changes (XML and JSON)", async () => {
    for (const restFormat of ["xml", "json"] as const) {
      const draft = await teamcityAdapter.collect(
        createTestContext({
          http: http,
          env: {
            TEAMCITY_VERSION: "2025.03 (build 186049)",
            BUILD_NUMBER: build.buildNumber,
            TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile,
            [`BUILD_VCS_NUMBER_${rootId}`]: build.head,
          },
          options: { restFormat },
        }),
      );
      const { buildInformation } = normalizeDraft(draft);
      expect(buildInformation).toMatchObject(build.expected);
      expect(buildInformation.BuildUrl).toBe(`${api.url}/viewLog.html?buildId=70311`);
    }
  });
});
