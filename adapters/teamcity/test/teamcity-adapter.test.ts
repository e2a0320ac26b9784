import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDetected, normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createHttpClient } from "@buildinfo/http";
import { createTempGitRepo, createTestContext, type FakeApi, startFakeApi } from "@buildinfo/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { collect } from "../src/collector";
import { manifest } from "../src/manifest";
import {
  type FixtureChange,
  type PropertiesFiles,
  teamCityChangesHandler,
  writeTeamCityProperties,
} from "./teamcity-fixtures";

const http = createHttpClient({ retry: { maxAttempts: 1 } });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(() => http.close());

const sha = (n: number) => n.toString(16).padStart(40, "0");
const rootA = "Shop_HttpsGithubComAcmeShopWebRefsHeadsMain";
const rootB = "Shop_DeployScripts";

async function fakeTeamCity(
  changes: FixtureChange[],
  options?: { withNextHref?: boolean },
): Promise<FakeApi> {
  const api = await startFakeApi(teamCityChangesHandler("99812", changes, options));
  cleanups.push(() => api.close());
  return api;
}

async function properties(
  system: Record<string, string>,
  config: Record<string, string>,
): Promise<PropertiesFiles> {
  const files = await writeTeamCityProperties(system, config);
  cleanups.push(() => files.cleanup());
  return files;
}

function systemProperties(): Record<string, string> {
  return {
    "teamcity.build.id": "99812",
    "build.number": "1.4.311",
    "teamcity.auth.userId": "TeamCityBuildId=99812",
    "teamcity.auth.password": "t3mp:p=ss#word!",
    "teamcity.buildType.id": "Shop_Build",
  };
}

function singleRootConfig(serverUrl: string): Record<string, string> {
  return {
    "teamcity.serverUrl": serverUrl,
    "teamcity.build.branch": "feature/SHOP-12-price-cache",
    "teamcity.build.vcs.branch.Shop_HttpsGithubComAcmeShopWebRefsHeadsMain":
      "refs/heads/feature/SHOP-12-price-cache",
    "vcsroot.url": "git@github.com:acme/shop-web.git",
    "vcsroot.vcsName": "jetbrains.git",
    "vcsroot.branch": "refs/heads/main",
    [`vcsroot.${rootA}.url`]: "git@github.com:acme/shop-web.git",
    [`vcsroot.${rootA}.vcsName`]: "jetbrains.git",
    [`vcsroot.${rootA}.branch`]: "refs/heads/main",
    "build.vcs.number": sha(250),
    [`build.vcs.number.${rootA}`]: sha(250),
  };
}

/** 250 changes newest first, with multi-line comments and characters XML must escape. */
const manyChanges: FixtureChange[] = Array.from({ length: 250 }, (_, index) => ({
  version: sha(250 - index),
  comment: `SHOP-${250 - index} change <${250 - index}> & "quotes"\r\n\n  indented body line\nFixes #${index}\n`,
}));

describe("teamcityAdapter", () => {
  it("detects TeamCity from TEAMCITY_VERSION", () => {
    expect(isDetected(manifest, { TEAMCITY_VERSION: "2024.03 (build 156630)" })).toBe(true);
    expect(isDetected(manifest, { BUILD_NUMBER: "5" })).toBe(false);
  });

  it("reads 250 changes as XML pages of 100 in exactly 3 requests, with the build's temporary credentials", async () => {
    const api = await fakeTeamCity(manyChanges);
    const files = await properties(systemProperties(), singleRootConfig(`${api.url}/`));
    const context = createTestContext({
      http,
      env: {
        TEAMCITY_VERSION: "2024.03 (build 156630)",
        BUILD_NUMBER: "1.4.311",
        TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile,
      },
      options: { changesPageSize: "100" },
    });
    const draft = await collect(context);

    expect(api.requests).toHaveLength(3);
    expect(api.requests.map((request) => request.query.get("locator"))).toEqual([
      "build:(id:99812),count:100,start:0",
      "build:(id:99812),count:100,start:100",
      "build:(id:99812),count:100,start:200",
    ]);
    for (const request of api.requests) {
      expect(request.path).toBe("/httpAuth/app/rest/changes");
      expect(request.query.get("fields")).toContain("comment");
      expect(request.headers.accept).toBe("application/xml");
      expect(request.headers.authorization).toBe(
        `Basic ${Buffer.from("TeamCityBuildId=99812:t3mp:p=ss#word!").toString("base64")}`,
      );
    }
    expect(draft.sources).toMatchObject({
      buildNumber: "BUILD_NUMBER",
      buildUrl: "teamcity.serverUrl + teamcity.build.id",
      branch: "teamcity.build.branch",
      vcsType: `vcsroot.${rootA}.vcsName`,
      vcsRoot: `vcsroot.${rootA}.url`,
      vcsCommitNumber: `build.vcs.number.${rootA}`,
    });
    const { buildInformation } = normalizeDraft(draft, { commitCap: 1000 });
    expect(buildInformation).toMatchObject({
      BuildEnvironment: "TeamCity",
      BuildNumber: "1.4.311",
      BuildUrl: `${api.url}/viewLog.html?buildId=99812`,
      Branch: "feature/SHOP-12-price-cache",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: sha(250),
    });
    expect(buildInformation.Commits).toHaveLength(250);
    expect(buildInformation.Commits.map((commit) => commit.Id)).toEqual(
      manyChanges.map((change) => change.version),
    );
    expect(draft.commits?.[0]?.comment).toBe(manyChanges[0]?.comment);
  });

  it("reads the same changes as JSON (Accept: application/json), paging by start+count when the server sends no nextHref", async () => {
    const api = await fakeTeamCity(manyChanges.slice(0, 200), { withNextHref: false });
    const files = await properties(systemProperties(), singleRootConfig(api.url));
    const draft = await collect(
      createTestContext({
        http,
        env: { TEAMCITY_VERSION: "2025.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile },
        options: { changesPageSize: "100", restFormat: "json" },
      }),
    );
    // Two full pages, then the empty third page that proves the end.
    expect(api.requests.map((request) => request.query.get("locator"))).toEqual([
      "build:(id:99812),count:100,start:0",
      "build:(id:99812),count:100,start:100",
      "build:(id:99812),count:100,start:200",
    ]);
    expect(api.requests[0]?.headers.accept).toBe("application/json");
    expect(draft.commits).toEqual(
      manyChanges.slice(0, 200).map((change) => ({ id: change.version, comment: change.comment })),
    );
    expect(draft.buildNumber).toBe("1.4.311");
    expect(draft.sources?.buildNumber).toBe("build.number");
  });

  it("stops at the last linked page when the count is an exact multiple of the page size", async () => {
    const api = await fakeTeamCity(manyChanges.slice(0, 200));
    const files = await properties(systemProperties(), singleRootConfig(api.url));
    const draft = await collect(
      createTestContext({
        http,
        env: { TEAMCITY_VERSION: "2025.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile },
        options: { changesPageSize: "100" },
      }),
    );
    expect(api.requests).toHaveLength(2);
    expect(draft.commits).toHaveLength(200);
  });

  it("resolves the <default> logical branch to the root's full ref, and prefers BUILD_URL", async () => {
    const api = await fakeTeamCity([]);
    const config: Record<string, string> = {
      ...singleRootConfig(api.url),
      "teamcity.build.branch": "<default>",
    };
    config[`teamcity.build.vcs.branch.${rootA}`] = "refs/heads/main";
    const files = await properties(systemProperties(), config);
    const draft = await collect(
      createTestContext({
        http,
        env: {
          TEAMCITY_VERSION: "2025.03",
          TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile,
          BUILD_URL: "https://tc.example.com/buildConfiguration/Shop_Build/99812",
        },
      }),
    );
    expect(draft.sources?.branch).toBe(`teamcity.build.vcs.branch.${rootA}`);
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation.Branch).toBe("main");
    expect(buildInformation.BuildUrl).toBe("https://tc.example.com/buildConfiguration/Shop_Build/99812");
    expect(buildInformation.Commits).toEqual([]);
  });

  describe("several VCS roots", () => {
    const changes: FixtureChange[] = [
      { version: sha(3), comment: "Deploy: rotate keys", vcsRootId: rootB },
      { version: sha(2), comment: "SHOP-12 cache prices\n\nFixes #41", vcsRootId: rootA },
      { version: sha(1), comment: "SHOP-11 price list", vcsRootId: rootA },
    ];
    function multiRootConfig(serverUrl: string): Record<string, string> {
      return {
        "teamcity.serverUrl": serverUrl,
        "teamcity.build.branch": "<default>",
        [`teamcity.build.vcs.branch.${rootA}`]: "refs/heads/main",
        [`teamcity.build.vcs.branch.${rootB}`]: "refs/heads/release",
        [`vcsroot.${rootA}.url`]: "https://github.com/acme/shop-web.git",
        [`vcsroot.${rootA}.vcsName`]: "jetbrains.git",
        [`vcsroot.${rootB}.url`]: "ssh://git@bitbucket.example.com:7999/ops/deploy-scripts.git",
        [`vcsroot.${rootB}.vcsName`]: "jetbrains.git",
        [`build.vcs.number.${rootA}`]: sha(2),
        [`build.vcs.number.${rootB}`]: sha(3),
      };
    }

    it("takes --vcs-root-id, its revision and branch, and only that root's changes", async () => {
      const api = await fakeTeamCity(changes);
      const files = await properties(systemProperties(), multiRootConfig(api.url));
      const draft = await collect(
        createTestContext({
          http,
          env: { TEAMCITY_VERSION: "2025.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile },
          options: { vcsRootId: rootB },
        }),
      );
      const { buildInformation } = normalizeDraft(draft);
      expect(buildInformation).toMatchObject({
        VcsRoot: "https://bitbucket.example.com/ops/deploy-scripts",
        VcsCommitNumber: sha(3),
        Branch: "release",
        Commits: [{ Id: sha(3), Comment: "Deploy: rotate keys" }],
      });
      expect(draft.warnings).toBeUndefined();
    });

    it("rejects a --vcs-root-id the build does not have, naming the ones it has", async () => {
      const files = await properties(systemProperties(), multiRootConfig("http://127.0.0.1:9"));
      const context = createTestContext({
        env: { TEAMCITY_VERSION: "2025.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile },
        options: { vcsRootId: "Nope" },
      });
      await expect(collect(context)).rejects.toMatchObject({
        code: "E_VCS_ROOT_NOT_FOUND",
        hint: `Use one of: ${rootB}, ${rootA}.`,
      });
    });

    /** Collects without --vcs-root-id from a checkout whose `origin` is `remoteUrl`. */
    async function collectFromCheckoutWithOrigin(remoteUrl: string) {
      const repo = await createTempGitRepo({ remoteUrl });
      cleanups.push(() => repo.cleanup());
      const api = await fakeTeamCity(changes);
      const files = await properties(systemProperties(), multiRootConfig(api.url));
      return collect(
        createTestContext({
          http,
          git: createGitRunner(repo.dir),
          env: { TEAMCITY_VERSION: "2025.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile },
        }),
      );
    }

    it("without --vcs-root-id takes the root that is the checkout's origin", async () => {
      const draft = await collectFromCheckoutWithOrigin("git@github.com:acme/shop-web.git");
      expect(draft.sources?.vcsRoot).toBe(`vcsroot.${rootA}.url`);
      expect(draft.commits?.map((commit) => commit.id)).toEqual([sha(2), sha(1)]);
      expect(draft.warnings).toBeUndefined();
    });

    it("otherwise takes the first root by id and says how to choose", async () => {
      const draft = await collectFromCheckoutWithOrigin("https://example.com/elsewhere.git");
      expect(draft.sources?.vcsRoot).toBe(`vcsroot.${rootB}.url`);
      expect(draft.warnings?.[0]).toMatch(/2 VCS roots .*--vcs-root-id/);
    });
  });

  it("maps a TFVC root (vcsName tfs, no url) to TFVC with its collection URL", async () => {
    const api = await fakeTeamCity([{ version: "4711", comment: "Changeset 4711\n\nMulti-line" }]);
    const files = await properties(systemProperties(), {
      "teamcity.serverUrl": api.url,
      "teamcity.build.branch": "<default>",
      "vcsroot.Legacy_Tfvc.vcsName": "tfs",
      "vcsroot.Legacy_Tfvc.tfs-url": "https://dev.azure.com/acme",
      "vcsroot.Legacy_Tfvc.tfs-root": "$/Shop/Main",
      "build.vcs.number.Legacy_Tfvc": "4711",
    });
    const draft = await collect(
      createTestContext({
        http,
        env: { TEAMCITY_VERSION: "2025.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile },
      }),
    );
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation).toMatchObject({
      VcsType: "TFVC",
      VcsRoot: "https://dev.azure.com/acme",
      VcsCommitNumber: "4711",
      Commits: [{ Id: "4711", Comment: "Changeset 4711\n\nMulti-line" }],
    });
  });

  it("falls back to the head commit from the checkout, with a warning, when TeamCity refuses the changes request", async () => {
    const repo = await createTempGitRepo({ commits: [{ message: "First" }, { message: "Second\n\nbody" }] });
    cleanups.push(() => repo.cleanup());
    const api = await startFakeApi(() => ({ status: 401, body: "Authentication required" }));
    cleanups.push(() => api.close());
    const config = { ...singleRootConfig(api.url), [`build.vcs.number.${rootA}`]: repo.shas[1]! };
    const files = await properties(systemProperties(), config);
    const git = createGitRunner(repo.dir);
    const context = createTestContext({
      http,
      git,
      env: { TEAMCITY_VERSION: "2025.03", TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile },
    });
    const draft = await collect(context);
    expect(context.failedReads[0]?.read.what).toMatch(/the build's changes from the TeamCity REST API/);
    expect(context.failedReads[0]?.error.message).toMatch(/HTTP 401/);
    expect(draft.warnings?.[0]).toMatch(/only the head commit/);
    const resolved = await resolveDraftCommits(draft, git);
    expect(resolved.commits).toEqual([{ id: repo.shas[1], comment: "Second\n\nbody" }]);
  });

  it("without the properties file maps the environment, takes the branch from the checkout and warns", async () => {
    const repo = await createTempGitRepo({ commits: [{ message: "First" }], branch: "release/5" });
    cleanups.push(() => repo.cleanup());
    const draft = await collect(
      createTestContext({
        git: createGitRunner(repo.dir),
        env: { TEAMCITY_VERSION: "10.0 (build 42002)", BUILD_NUMBER: "5", BUILD_VCS_NUMBER: sha(5) },
      }),
    );
    expect(draft).toMatchObject({
      buildNumber: "5",
      vcsCommitNumber: sha(5),
      branch: "release/5",
      sources: { vcsCommitNumber: "BUILD_VCS_NUMBER", branch: "the checkout's branch" },
    });
    expect(draft.warnings?.join("\n")).toMatch(/TEAMCITY_BUILD_PROPERTIES_FILE is not set/);
  });

  it("without the properties file or a git checkout says why the checkout gave nothing", async () => {
    const notARepository = await mkdtemp(join(tmpdir(), "buildinfo-teamcity-no-git-"));
    cleanups.push(() => rm(notARepository, { recursive: true, force: true }));
    const draft = await collect(
      createTestContext({
        git: createGitRunner(notARepository),
        env: { TEAMCITY_VERSION: "2025.03", BUILD_NUMBER: "6" },
      }),
    );
    expect(draft.buildNumber).toBe("6");
    expect(draft.warnings?.join("\n")).toMatch(
      /The checkout could not be read either.*is not inside a git checkout/,
    );
  });

  it("with its properties file unreadable warns and falls back to the checkout's branch, HEAD and origin", async () => {
    const repo = await createTempGitRepo({
      commits: [{ message: "First" }, { message: "Second" }],
      branch: "feature/cache",
      remoteUrl: "git@github.com:acme/shop-web.git",
    });
    cleanups.push(() => repo.cleanup());
    const git = createGitRunner(repo.dir);
    const missing = `${repo.dir}/../missing/build.properties`;
    const draft = await collect(
      createTestContext({
        git,
        env: { TEAMCITY_VERSION: "2025.03", BUILD_NUMBER: "12", TEAMCITY_BUILD_PROPERTIES_FILE: missing },
      }),
    );
    expect(draft.warnings?.[0]).toMatch(
      /^Cannot read .*missing\/build\.properties \(named by TEAMCITY_BUILD_PROPERTIES_FILE: ENOENT\)/,
    );
    const { buildInformation } = normalizeDraft(await resolveDraftCommits(draft, git));
    expect(buildInformation).toMatchObject({
      BuildNumber: "12",
      Branch: "feature/cache",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: repo.shas[1],
      Commits: [{ Id: repo.shas[1], Comment: "Second" }],
    });
  });
});
