import { manifest as teamcityAdapter } from "@buildinfo/adapter-teamcity";
import { collectBuildInformation } from "@buildinfo/collect";
import { createHttpClient } from "@buildinfo/http";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TeamCityAgent, teamCityAgentFor } from "../../adapters/teamcity/test/teamcity-fixtures";

describe("conformance: TeamCity", () => {
  let build: ConformanceBuild;
  let agent: TeamCityAgent;
  const http = createHttpClient();
  beforeAll(async () => {
    build = await createConformanceBuild();
    agent = await teamCityAgentFor(build);
  });
  afterAll(async () => {
    await agent.cleanup();
    await http.close();
    await build.repo.cleanup();
  });

  it("gives the expected fields from the properties files and the REST changes (XML and JSON)", async () => {
    for (const restFormat of ["xml", "json"] as const) {
      const { buildInformation } = await collectBuildInformation({
        adapter: teamcityAdapter,
        env: agent.env,
        cwd: build.repo.dir,
        http,
        options: { restFormat },
      });
      expect(buildInformation).toMatchObject(build.expected);
      expect(buildInformation.BuildUrl).toBe(`${agent.api.url}/viewLog.html?buildId=70311`);
    }
  });
});
