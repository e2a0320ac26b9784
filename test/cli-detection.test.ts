import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";

describe("build-server detection through the CLI", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;
  let gitlab: Record<string, string>;

  beforeAll(async () => {
    server = await startOctopusServer();
    repo = await createTempGitRepo({
      branch: "main",
      commits: [
        { message: "Before the pipeline", files: { "a.txt": "1" } },
        { message: "SHOP-5 first change", files: { "a.txt": "2" } },
        { message: "SHOP-5 second change\n\nCloses #12", files: { "a.txt": "3" } },
      ],
    });
    gitlab = {
      GITLAB_CI: "true",
      CI_COMMIT_SHA: repo.shas[2]!,
      CI_COMMIT_BEFORE_SHA: repo.shas[0]!,
      CI_COMMIT_BRANCH: "main",
      CI_PIPELINE_IID: "311",
      CI_PIPELINE_URL: "https://gitlab.example.com/acme/shop/-/pipelines/88120",
      CI_PROJECT_URL: "https://gitlab.example.com/acme/shop",
      CI_REPOSITORY_URL: "https://gitlab-ci-token:glcbt-SECRETJOBTOKEN0123@gitlab.example.com/acme/shop.git",
    };
  });

  afterAll(async () => {
    await server.close();
    await repo.cleanup();
  });

  it("detects GitLab CI and reads the pipeline's commits from the checkout", async () => {
    const result = await runCli(["collect"], { cwd: repo.dir, env: gitlab });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      BuildEnvironment: "GitLab CI",
      BuildNumber: "311",
      BuildUrl: "https://gitlab.example.com/acme/shop/-/pipelines/88120",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://gitlab.example.com/acme/shop",
      VcsCommitNumber: repo.shas[2],
      Commits: [
        { Id: repo.shas[2], Comment: "SHOP-5 second change\n\nCloses #12" },
        { Id: repo.shas[1], Comment: "SHOP-5 first change" },
      ],
    });
    expect(result.stderr).toContain("GitLab CI");
    // No guess at work items in the log: `preview` shows them, and push checks Octopus's answer.
    expect(result.stderr).toContain("2 commits");
    expect(result.stdout + result.stderr).not.toContain("glcbt-SECRETJOBTOKEN0123");
  });

  it("prefers GitLab CI when Jenkins variables leak into its job, and warns naming both", async () => {
    const result = await runCli(["collect"], {
      cwd: repo.dir,
      env: {
        ...gitlab,
        JENKINS_URL: "https://jenkins.example.com/",
        BUILD_URL: "https://jenkins.example.com/job/x/1/",
        JOB_NAME: "x",
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).BuildEnvironment).toBe("GitLab CI");
    expect(result.stderr).toMatch(/warning: .*GitLab CI.*Jenkins/);
    expect(result.stderr).toContain("--from jenkins");
  });

  it("pushes what it detected", async () => {
    const result = await runCli(pushArgs(server, "Shop.Web", "1.0.311"), { cwd: repo.dir, env: gitlab });
    expect(result.code, result.stderr).toBe(0);
    expect(server.records()[0]).toMatchObject({
      BuildEnvironment: "GitLab CI",
      BuildNumber: "311",
      VcsCommitNumber: repo.shas[2],
    });
  });
});
