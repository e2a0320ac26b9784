import { teamcityAdapter } from "@buildinfo/adapter-teamcity";
import { normalizeDraft } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { type ConformanceBuild, createConformanceBuild, createTestContext } from "@buildinfo/testing";
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
      const draft = await teamcityAdapter.collect(
        createTestContext({ http: http, env: agent.env, options: { restFormat } }),
      );
      const { buildInformation } = normalizeDraft(draft);
      expect(buildInformation).toMatchObject(build.expected);
      expect(buildInformation.BuildUrl).toBe(`${agent.api.url}/viewLog.html?buildId=70311`);
    }
  });
});
