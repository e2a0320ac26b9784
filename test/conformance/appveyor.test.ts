import { manifest as appveyorAdapter } from "@buildinfo/adapter-appveyor";
import { collectBuildInformation } from "@buildinfo/collect";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: AppVeyor", () => {
  let build: ConformanceBuild;
  beforeAll(async () => {
    build = await createConformanceBuild();
  });
  afterAll(() => build.repo.cleanup());

  it("gives the expected fields for the build, with the head commit as the only commit", async () => {
    const [subject, ...rest] = build.buildCommits[0]!.comment.split("\n");
    const env = {
      APPVEYOR: "True",
      APPVEYOR_URL: "https://ci.appveyor.com",
      APPVEYOR_ACCOUNT_NAME: "acme",
      APPVEYOR_PROJECT_SLUG: "shop-web",
      APPVEYOR_BUILD_ID: "51234567",
      APPVEYOR_BUILD_NUMBER: build.buildNumber,
      APPVEYOR_BUILD_VERSION: `1.0.${build.buildNumber}`,
      APPVEYOR_REPO_PROVIDER: "gitHub",
      APPVEYOR_REPO_SCM: "git",
      APPVEYOR_REPO_NAME: "acme/shop-web",
      APPVEYOR_REPO_BRANCH: build.branch,
      APPVEYOR_REPO_TAG: "false",
      APPVEYOR_REPO_COMMIT: build.head,
      APPVEYOR_REPO_COMMIT_MESSAGE: subject!,
      APPVEYOR_REPO_COMMIT_MESSAGE_EXTENDED: rest.join("\n").replace(/^\n+/, ""),
    };
    const { buildInformation } = await collectBuildInformation({
      adapter: appveyorAdapter,
      env,
      cwd: build.repo.dir,
    });
    // AppVeyor's environment holds only the head commit and no previous one: the build's other commits
    // need --since (see docs/appveyor.md).
    expect(buildInformation).toMatchObject({
      ...build.expected,
      Commits: build.expected.Commits.slice(0, 1),
    });
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });
});
