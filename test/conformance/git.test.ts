import { manifest as gitAdapter } from "@buildinfo/adapter-git";
import { collectBuildInformation } from "@buildinfo/collect";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: the local git checkout", () => {
  let build: ConformanceBuild;
  beforeAll(async () => {
    build = await createConformanceBuild();
  });
  afterAll(() => build.repo.cleanup());

  it("gives the expected fields from the checkout with --since and --build-number", async () => {
    const { buildInformation, adapter } = await collectBuildInformation({
      env: {},
      cwd: build.repo.dir,
      since: build.previous,
      overrides: { buildNumber: build.buildNumber },
    });
    expect(adapter).toBe(gitAdapter);
    expect(buildInformation).toMatchObject({ ...build.expected, BuildEnvironment: "Git" });
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });
});
