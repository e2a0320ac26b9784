import { manifest as continuaCiAdapter } from "@buildinfo/adapter-continua-ci";
import { collectBuildInformation } from "@buildinfo/collect";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: Continua CI", () => {
  let build: ConformanceBuild;
  beforeAll(async () => {
    build = await createConformanceBuild();
  });
  afterAll(() => build.repo.cleanup());

  it("gives the expected fields for the build", async () => {
    const env = {
      "ContinuaCI.Version": "1.9.2.1085",
      "ContinuaCI.Build.BuildNumber": build.buildNumber,
      "ContinuaCI.Build.ChangesetCount": String(build.buildCommits.length),
      "ContinuaCI.Build.ChangesetRevisions": build.buildCommits.map((commit) => commit.id).join(","),
      "ContinuaCI.Build.LatestChangeset.Revision": build.head,
      "ContinuaCI.Build.LatestChangeset.Branch": build.branch,
      "ContinuaCI.Build.TriggeringBranch": build.branch,
      CONTINUA_BUILD_URL: "https://continua.acme.example/ui/builds/view/4821",
      CONTINUA_VCS_ROOT: build.remoteUrl,
      CONTINUA_VCS_TYPE: "Git",
    };
    const { buildInformation } = await collectBuildInformation({
      adapter: continuaCiAdapter,
      env,
      cwd: build.repo.dir,
    });
    expect(buildInformation).toMatchObject(build.expected);
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });
});
