import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectBuildInformation, manifests } from "@buildinfo/collect";
import { type Environment, isBuildInfoError } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { createTempGitRepo, type FakeApi, startFakeApi, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelineBuild } from "../adapters/jenkins/test/jenkins-fixtures";
import { writeTeamCityProperties } from "../adapters/teamcity/test/teamcity-fixtures";

// The collect pipeline's one degrade rule (docs/model.md#degrade-never-lose-the-build), run against every
// registered build server: an API that refuses (a real loopback server answering 403) and a commit range
// whose start the checkout does not have each leave the build described by what is certain, with a
// warning naming the fix, unless --strict.

/** A commit no checkout here has. */
const unknown = "0123456789abcdef0123456789abcdef01234567";

interface Checkouts {
  full: TempGitRepo;
  /** A `git clone --depth 1` of `full`: the head commit and nothing before it. */
  shallow: TempGitRepo;
  api: string;
  scratch: string;
}

interface Scenario {
  /** `api`: its server's API answers 403; `range`: its range starts at a commit the checkout lacks. */
  kind: "api" | "range";
  env(checkouts: Checkouts, head: string): Environment | Promise<Environment>;
  shallow?: true;
  /** The catalogue code of the failure recorded, and thrown under --strict. */
  code: string;
}

const githubPush = async (c: Checkouts, before: string, head: string) => {
  const event = join(c.scratch, `event-${before.slice(0, 6)}.json`);
  await writeFile(event, JSON.stringify({ before, after: head, forced: true, commits: [] }));
  return {
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "push",
    GITHUB_EVENT_PATH: event,
    GITHUB_SHA: head,
    GITHUB_REF: "refs/heads/main",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_RUN_ID: "1",
    GITHUB_RUN_NUMBER: "1",
  };
};

/** Job 7's API refuses (403); job 8's answers with a build that has no change sets. */
const jenkins = (c: Checkouts, head: string, previous: string, job = "7") => ({
  JENKINS_URL: `${c.api}/`,
  BUILD_URL: `${c.api}/job/shop/${job}/`,
  JOB_NAME: "shop",
  BUILD_NUMBER: job,
  GIT_COMMIT: head,
  GIT_PREVIOUS_SUCCESSFUL_COMMIT: previous,
  GIT_URL: "https://github.com/acme/shop.git",
  GIT_BRANCH: "origin/main",
});

const bamboo = (c: Checkouts, head: string, previous: string) => ({
  bamboo_buildKey: "SHOP-WEB-JOB1",
  bamboo_buildNumber: "7",
  bamboo_buildResultKey: "SHOP-WEB-JOB1-7",
  bamboo_buildResultsUrl: `${c.api}/browse/SHOP-WEB-JOB1-7`,
  bamboo_resultsUrl: `${c.api}/browse/SHOP-WEB-JOB1-7`,
  bamboo_planRepository_revision: head,
  bamboo_planRepository_previousRevision: previous,
  bamboo_planRepository_repositoryUrl: "https://github.com/acme/shop.git",
  bamboo_planRepository_branchName: "main",
  bamboo_planRepository_type: "gitv2",
});

/** Every registered server, with what it reads that can fail; a server reading neither says why. */
const scenarios: Record<string, Scenario[] | { readsNeither: string }> = {
  "github-actions": [
    {
      kind: "api",
      env: async (c, head) => ({
        ...(await githubPush(c, c.full.shas[0]!, head)),
        GITHUB_API_URL: c.api,
        GITHUB_TOKEN: "ghs_token",
      }),
      code: "E_BUILD_SERVER_HTTP_403",
    },
    { kind: "range", env: (c, head) => githubPush(c, unknown, head), code: "E_GIT_REVISION" },
  ],
  "azure-devops": [
    {
      kind: "api",
      env: (c, head) => ({
        TF_BUILD: "True",
        SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: `${c.api}/acme/`,
        SYSTEM_TEAMPROJECT: "Shop",
        BUILD_BUILDID: "12",
        BUILD_BUILDNUMBER: "20261207.1",
        BUILD_REPOSITORY_PROVIDER: "TfsGit",
        BUILD_REPOSITORY_URI: "https://dev.azure.com/acme/Shop/_git/shop",
        BUILD_SOURCEBRANCH: "refs/heads/main",
        BUILD_SOURCEVERSION: head,
        BUILD_SOURCEVERSIONMESSAGE: "Three",
        SYSTEM_ACCESSTOKEN: "job-token",
      }),
      code: "E_BUILD_SERVER_HTTP_403",
    },
  ],
  gitlab: [
    {
      kind: "range",
      env: (_c, head) => ({
        GITLAB_CI: "true",
        CI_PROJECT_URL: "https://gitlab.com/acme/shop",
        CI_PIPELINE_IID: "7",
        CI_COMMIT_SHA: head,
        CI_COMMIT_BEFORE_SHA: unknown,
        CI_COMMIT_BRANCH: "main",
      }),
      code: "E_GIT_REVISION",
    },
  ],
  "bitbucket-pipelines": [
    {
      kind: "range",
      env: (_c, head) => ({
        BITBUCKET_BUILD_NUMBER: "7",
        BITBUCKET_REPO_FULL_NAME: "acme/shop",
        BITBUCKET_COMMIT: head,
        BITBUCKET_BRANCH: "feature",
        BITBUCKET_PR_DESTINATION_COMMIT: unknown,
      }),
      code: "E_GIT_REVISION",
    },
  ],
  appveyor: [
    {
      kind: "range",
      shallow: true,
      env: (_c, head) => ({
        APPVEYOR: "True",
        APPVEYOR_BUILD_NUMBER: "7",
        APPVEYOR_REPO_PROVIDER: "gitHub",
        APPVEYOR_REPO_NAME: "acme/shop",
        APPVEYOR_REPO_BRANCH: "main",
        APPVEYOR_REPO_COMMIT: head,
      }),
      code: "E_SHALLOW_CLONE",
    },
  ],
  teamcity: [
    {
      kind: "api",
      env: async (c, head) => {
        const files = await writeTeamCityProperties(
          {
            "teamcity.build.id": "42",
            "build.number": "7",
            "teamcity.auth.userId": "TeamCityBuildId=42",
            "teamcity.auth.password": "agent-password",
          },
          {
            "teamcity.serverUrl": c.api,
            "build.vcs.number": head,
            "vcsroot.url": "https://github.com/acme/shop.git",
            "vcsroot.vcsName": "jetbrains.git",
            "teamcity.build.branch": "main",
          },
        );
        return { TEAMCITY_VERSION: "2024.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile };
      },
      code: "E_BUILD_SERVER_HTTP_403",
    },
  ],
  bamboo: [
    {
      kind: "api",
      env: (c, head) => ({ ...bamboo(c, head, c.full.shas[0]!), BAMBOO_TOKEN: "pat" }),
      code: "E_BUILD_SERVER_HTTP_403",
    },
    { kind: "range", env: (c, head) => bamboo(c, head, unknown), code: "E_GIT_REVISION" },
  ],
  "continua-ci": [
    {
      kind: "range",
      env: (_c, head) => ({
        "ContinuaCI.Version": "1.9.2",
        "ContinuaCI.Build.BuildNumber": "7",
        "ContinuaCI.Build.LatestChangeset.Revision": head,
        "ContinuaCI.Build.ChangesetCount": "40",
        CONTINUA_BUILD_URL: "https://ci.example.com/build/7",
        CONTINUA_VCS_ROOT: "https://github.com/acme/shop",
        CONTINUA_VCS_TYPE: "git",
      }),
      code: "E_GIT_REVISION",
    },
  ],
  jenkins: [
    { kind: "api", env: (c, head) => jenkins(c, head, c.full.shas[0]!), code: "E_BUILD_SERVER_HTTP_403" },
    { kind: "range", env: (c, head) => jenkins(c, head, unknown, "8"), code: "E_GIT_REVISION" },
  ],
  git: { readsNeither: "the local checkout's own range starts at a tag or commit the checkout has" },
};

describe("the degrade policy, for every registered build server", () => {
  let checkouts: Checkouts;
  let api: FakeApi;
  const http = createHttpClient();

  beforeAll(async () => {
    const commits = [{ message: "One" }, { message: "Two" }, { message: "Three" }];
    api = await startFakeApi((request) =>
      request.path === "/job/shop/8/api/json"
        ? { body: pipelineBuild([]) }
        : { status: 403, body: "Forbidden" },
    );
    checkouts = {
      full: await createTempGitRepo({ commits, remoteUrl: "https://github.com/acme/shop.git" }),
      shallow: await createTempGitRepo({ commits, shallowClone: true }),
      api: api.url,
      scratch: await mkdtemp(join(tmpdir(), "buildinfo-degrade-")),
    };
  });
  afterAll(async () => {
    await http.close();
    await api.close();
    await checkouts.full.cleanup();
    await checkouts.shallow.cleanup();
    await rm(checkouts.scratch, { recursive: true, force: true });
  });

  it("has a scenario for every server in the registry", () => {
    expect(Object.keys(scenarios).sort()).toEqual(manifests.map((manifest) => manifest.id).sort());
  });

  const rows = Object.entries(scenarios).flatMap(([id, entry]) =>
    Array.isArray(entry) ? entry.map((scenario) => [`${id}: ${scenario.kind}`, id, scenario] as const) : [],
  );

  it.each(rows)(
    "%s fails: warned with its fix, the head commit sent, marked incomplete",
    async (_n, id, scenario) => {
      const repo = scenario.shallow ? checkouts.shallow : checkouts.full;
      const head = repo.shas.at(-1)!;
      const env = await scenario.env(checkouts, head);
      const manifest = manifests.find((candidate) => candidate.id === id)!;
      const result = await collectBuildInformation({ adapter: id, env, cwd: repo.dir, http });
      expect(result.incomplete.map((degradation) => degradation.code)).toContain(scenario.code);
      const warning = result.warnings.find(
        (line) =>
          line.includes("The build information is incomplete") &&
          (scenario.kind === "api" ? line.includes("HTTP 403") : line.includes(manifest.historyFix)),
      );
      expect(warning, result.warnings.join("\n")).toBeDefined();
      // What is certain: the head commit is always among the commits sent.
      expect(result.buildInformation.Commits.map((commit) => commit.Id)).toContain(head);
      expect(result.buildInformation.VcsCommitNumber).toBe(head);
    },
  );

  it.each(rows)("%s fails under --strict: the failure is thrown", async (_n, id, scenario) => {
    const repo = scenario.shallow ? checkouts.shallow : checkouts.full;
    const env = await scenario.env(checkouts, repo.shas.at(-1)!);
    const error = await collectBuildInformation({
      adapter: id,
      env,
      cwd: repo.dir,
      http,
      strict: true,
    }).catch((caught: unknown) => caught);
    expect(isBuildInfoError(error) && error.code).toBe(scenario.code);
  });

  it("never turns a bug or an input error into a degraded build", async () => {
    const failing = (error: unknown) => ({ get: () => Promise.reject(error) });
    const env = jenkins(checkouts, checkouts.full.shas[2]!, checkouts.full.shas[0]!);
    const bug = new TypeError("Cannot read properties of undefined (reading 'items')");
    await expect(
      collectBuildInformation({ adapter: "jenkins", env, cwd: checkouts.full.dir, http: failing(bug) }),
    ).rejects.toBe(bug);
  });

  it("reads a range the user gave with --since strictly: an unknown start is an input error", async () => {
    const error = await collectBuildInformation({
      adapter: "git",
      env: {},
      cwd: checkouts.full.dir,
      since: unknown,
    }).catch((caught: unknown) => caught);
    expect(isBuildInfoError(error) && error.code).toBe("E_GIT_REVISION");
  });
});
