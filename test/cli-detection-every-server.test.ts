import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ConformanceBuild,
  createConformanceBuild,
  type FakeApi,
  startFakeApi,
} from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

/**
 * Auto-detection end to end: for each build server, only its own environment (marker variables and the
 * variables a real job has), `buildinfo collect` without `--from` in a real git checkout, as a child
 * process. The CLI must pick that server's adapter, and nothing else.
 */
describe("buildinfo collect without --from detects every build server", () => {
  let build: ConformanceBuild;
  let api: FakeApi;
  let dir: string;
  let eventPath: string;

  beforeAll(async () => {
    build = await createConformanceBuild();
    // Stands in for the Jenkins API: it refuses, so the adapter falls back to the checkout's range.
    api = await startFakeApi(() => ({ status: 404, body: "Not found" }));
    dir = await mkdtemp(join(tmpdir(), "buildinfo-detect-all-"));
    eventPath = join(dir, "push.json");
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
        commits: [...build.buildCommits].reverse().map((commit) => ({
          id: commit.id,
          distinct: true,
          message: commit.comment,
          timestamp: "2025-01-06T09:05:00Z",
          url: `https://github.com/acme/shop-web/commit/${commit.id}`,
        })),
        repository: { full_name: "acme/shop-web", default_branch: "main" },
      }),
    );
  });

  afterAll(async () => {
    await api.close();
    await build.repo.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const servers = (): { id: string; environment: string; env: Record<string, string> }[] => [
    {
      id: "jenkins",
      environment: "Jenkins",
      env: {
        JENKINS_URL: `${api.url}/`,
        BUILD_URL: `${api.url}/job/shop-web/${build.buildNumber}/`,
        JOB_NAME: "shop-web",
        BUILD_NUMBER: build.buildNumber,
        GIT_BRANCH: `origin/${build.branch}`,
        GIT_COMMIT: build.head,
        GIT_PREVIOUS_SUCCESSFUL_COMMIT: build.previous,
        GIT_URL: build.remoteUrl,
      },
    },
    {
      id: "teamcity",
      environment: "TeamCity",
      env: {
        TEAMCITY_VERSION: "2024.03 (build 156630)",
        BUILD_NUMBER: build.buildNumber,
        BUILD_VCS_NUMBER: build.head,
      },
    },
    {
      id: "bamboo",
      environment: "Bamboo",
      env: {
        bamboo_buildKey: "SHOP-WEB3-JOB1",
        bamboo_planKey: "SHOP-WEB3",
        bamboo_buildNumber: build.buildNumber,
        bamboo_buildResultKey: `SHOP-WEB3-JOB1-${build.buildNumber}`,
        bamboo_buildResultsUrl: `https://bamboo.example.com/browse/SHOP-WEB3-JOB1-${build.buildNumber}`,
        bamboo_planRepository_branchName: build.branch,
        bamboo_planRepository_repositoryUrl: build.remoteUrl,
        bamboo_planRepository_revision: build.head,
        bamboo_planRepository_previousRevision: build.previous,
        bamboo_planRepository_type: "bbCloud",
      },
    },
    {
      id: "github-actions",
      environment: "GitHub Actions",
      env: {
        GITHUB_ACTIONS: "true",
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_API_URL: "https://api.github.com",
        GITHUB_REPOSITORY: "acme/shop-web",
        GITHUB_RUN_ID: "9512388204",
        GITHUB_RUN_NUMBER: build.buildNumber,
        GITHUB_RUN_ATTEMPT: "1",
        GITHUB_EVENT_NAME: "push",
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_WORKSPACE: build.repo.dir,
        GITHUB_REF: `refs/heads/${build.branch}`,
        GITHUB_REF_NAME: build.branch,
        GITHUB_REF_TYPE: "branch",
        GITHUB_SHA: build.head,
      },
    },
    {
      id: "azure-devops",
      environment: "Azure DevOps",
      env: {
        TF_BUILD: "True",
        SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: "https://dev.azure.com/acme/",
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
        BUILD_SOURCEVERSIONMESSAGE: build.buildCommits[0]!.comment.split("\n")[0]!,
      },
    },
    {
      id: "bitbucket-pipelines",
      environment: "BitBucket",
      env: {
        CI: "true",
        BITBUCKET_BUILD_NUMBER: build.buildNumber,
        BITBUCKET_COMMIT: build.head,
        BITBUCKET_BRANCH: build.branch,
        BITBUCKET_WORKSPACE: "acme",
        BITBUCKET_REPO_SLUG: "shop-web",
        BITBUCKET_REPO_FULL_NAME: "acme/shop-web",
        BITBUCKET_PR_ID: "41",
        BITBUCKET_PR_DESTINATION_BRANCH: "main",
        BITBUCKET_PR_DESTINATION_COMMIT: build.previous.slice(0, 12),
      },
    },
    {
      id: "appveyor",
      environment: "AppVeyor",
      env: {
        APPVEYOR: "True",
        APPVEYOR_URL: "https://ci.appveyor.com",
        APPVEYOR_ACCOUNT_NAME: "acme",
        APPVEYOR_PROJECT_SLUG: "shop-web",
        APPVEYOR_BUILD_ID: "51234567",
        APPVEYOR_BUILD_NUMBER: build.buildNumber,
        APPVEYOR_REPO_PROVIDER: "gitHub",
        APPVEYOR_REPO_SCM: "git",
        APPVEYOR_REPO_NAME: "acme/shop-web",
        APPVEYOR_REPO_BRANCH: build.branch,
        APPVEYOR_REPO_TAG: "false",
        APPVEYOR_REPO_COMMIT: build.head,
      },
    },
    {
      id: "continua-ci",
      environment: "Continua CI",
      env: {
        "ContinuaCI.Version": "1.9.2.1085",
        "ContinuaCI.Build.BuildNumber": build.buildNumber,
        "ContinuaCI.Build.ChangesetCount": String(build.buildCommits.length),
        "ContinuaCI.Build.LatestChangeset.Revision": build.head,
        "ContinuaCI.Build.LatestChangeset.Branch": build.branch,
        CONTINUA_BUILD_URL: "https://continua.acme.example/ui/builds/view/4821",
        CONTINUA_VCS_ROOT: build.remoteUrl,
        CONTINUA_VCS_TYPE: "Git",
      },
    },
    {
      id: "gitlab",
      environment: "GitLab CI",
      env: {
        GITLAB_CI: "true",
        CI_SERVER_URL: "https://gitlab.com",
        CI_PROJECT_PATH: "acme/shop-web",
        CI_PROJECT_URL: "https://gitlab.com/acme/shop-web",
        CI_PIPELINE_IID: build.buildNumber,
        CI_PIPELINE_URL: "https://gitlab.com/acme/shop-web/-/pipelines/1584470129",
        CI_COMMIT_SHA: build.head,
        CI_COMMIT_BEFORE_SHA: build.previous,
        CI_COMMIT_REF_NAME: build.branch,
        CI_COMMIT_BRANCH: build.branch,
      },
    },
  ];

  const ids = [
    "jenkins",
    "teamcity",
    "bamboo",
    "github-actions",
    "azure-devops",
    "bitbucket-pipelines",
    "appveyor",
    "continua-ci",
    "gitlab",
  ];

  it("covers all nine build servers", () => {
    expect(servers().map((server) => server.id)).toEqual(ids);
  });

  for (const [index, name] of ids.entries()) {
    it(`picks the ${name} adapter from its variables`, async () => {
      const { id, environment, env } = servers()[index]!;
      const result = await runCli(["collect"], { cwd: build.repo.dir, env });
      expect(result.code, `${id}: ${result.stderr}`).toBe(0);
      const info = JSON.parse(result.stdout) as Record<string, unknown> & { Commits: { Id: string }[] };
      expect(info.BuildEnvironment, id).toBe(environment);
      expect(info.BuildNumber, id).toBe(build.buildNumber);
      expect(info.VcsType, id).toBe("Git");
      expect(info.VcsCommitNumber, id).toBe(build.head);
      expect(info.Commits[0]?.Id, id).toBe(build.head);
      // One server's variables alone: no "several servers detected" warning, and no git fallback.
      expect(result.stderr, id).not.toMatch(/--from \w/);
      expect(info.BuildEnvironment, id).not.toBe("Git");
    });
  }

  it("without any server's variables falls back to the git checkout", async () => {
    const result = await runCli(["collect"], { cwd: build.repo.dir, env: { CI: "true" } });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ BuildEnvironment: "Git", VcsCommitNumber: build.head });
  });

  it("with two servers' markers picks the documented one, the same whatever the order, and warns naming both", async () => {
    const [jenkins, teamcity] = servers();
    const a = await runCli(["collect"], { cwd: build.repo.dir, env: { ...jenkins!.env, ...teamcity!.env } });
    const b = await runCli(["collect"], { cwd: build.repo.dir, env: { ...teamcity!.env, ...jenkins!.env } });
    for (const result of [a, b]) {
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).BuildEnvironment).toBe("TeamCity");
      expect(result.stderr).toMatch(/warning: .*TeamCity.*Jenkins/);
      expect(result.stderr).toContain("--from jenkins");
    }
  });
});
