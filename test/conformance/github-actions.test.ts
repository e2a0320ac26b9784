import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manifest as githubActionsAdapter } from "@buildinfo/adapter-github-actions";
import { collectBuildInformation } from "@buildinfo/collect";
import { type ConformanceBuild, createConformanceBuild } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("conformance: GitHub Actions", () => {
  let build: ConformanceBuild;
  let eventDir: string;
  beforeAll(async () => {
    build = await createConformanceBuild();
    eventDir = await mkdtemp(join(tmpdir(), "buildinfo-conformance-gha-"));
  });
  afterAll(async () => {
    await build.repo.cleanup();
    await rm(eventDir, { recursive: true, force: true });
  });

  function runEnv(eventName: string, eventPath: string, extra: Record<string, string>) {
    return {
      GITHUB_ACTIONS: "true",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_API_URL: "https://api.github.com",
      GITHUB_REPOSITORY: "acme/shop-web",
      GITHUB_RUN_ID: "9512388204",
      GITHUB_RUN_NUMBER: build.buildNumber,
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: build.repo.dir,
      ...extra,
    };
  }

  it("gives the expected fields for the build as a push of the feature branch (payload commits)", async () => {
    const eventPath = join(eventDir, "push.json");
    await writeFile(
      eventPath,
      JSON.stringify({
        ref: `refs/heads/${build.branch}`,
        before: build.previous,
        after: build.head,
        created: false,
        deleted: false,
        forced: false,
        base_ref: null,
        compare: `https://github.com/acme/shop-web/compare/${build.previous.slice(0, 12)}...${build.head.slice(0, 12)}`,
        commits: [...build.buildCommits].reverse().map((commit) => ({
          id: commit.id,
          tree_id: "31b122c26a97cf9af023e9ddab94a82c6e77b0ea",
          distinct: true,
          message: commit.comment,
          timestamp: "2025-01-06T09:05:00Z",
          url: `https://github.com/acme/shop-web/commit/${commit.id}`,
          author: { name: "Ada Builder", email: "ada@example.com", username: "ada" },
          committer: { name: "Ada Builder", email: "ada@example.com", username: "ada" },
        })),
        repository: { full_name: "acme/shop-web", default_branch: "main" },
      }),
    );
    const env = runEnv("push", eventPath, {
      GITHUB_REF: `refs/heads/${build.branch}`,
      GITHUB_REF_NAME: build.branch,
      GITHUB_REF_TYPE: "branch",
      GITHUB_SHA: build.head,
    });
    const { buildInformation } = await collectBuildInformation({
      adapter: githubActionsAdapter,
      env,
      cwd: build.repo.dir,
    });
    expect(buildInformation).toMatchObject(build.expected);
    expect(buildInformation.Commits).toEqual(build.expected.Commits);
    expect(buildInformation.BuildNumber).toBe(build.buildNumber);
  });

  it("gives the same fields as a pull_request run read from the checkout", async () => {
    const eventPath = join(eventDir, "pull-request.json");
    await writeFile(
      eventPath,
      JSON.stringify({
        action: "synchronize",
        number: 41,
        pull_request: {
          number: 41,
          head: { ref: build.branch, sha: build.head },
          base: { ref: "main", sha: build.previous },
        },
        repository: { full_name: "acme/shop-web", default_branch: "main" },
      }),
    );
    const env = runEnv("pull_request", eventPath, {
      GITHUB_REF: "refs/pull/41/merge",
      GITHUB_REF_NAME: "41/merge",
      GITHUB_HEAD_REF: build.branch,
      GITHUB_BASE_REF: "main",
      GITHUB_SHA: build.head,
    });
    const { buildInformation } = await collectBuildInformation({
      adapter: githubActionsAdapter,
      env,
      cwd: build.repo.dir,
    });
    expect(buildInformation).toMatchObject(build.expected);
    expect(buildInformation.Commits).toEqual(build.expected.Commits);
  });
});
