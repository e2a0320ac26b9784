import { isDetected, normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createHttpClient } from "@buildinfo/http";
import {
  createTempGitRepo,
  createTestContext,
  type FakeApi,
  type FakeApiHandler,
  startFakeApi,
  type TempGitRepo,
} from "@buildinfo/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { collect } from "../src/collector";
import { manifest } from "../src/manifest";

const http = createHttpClient({ retry: { maxAttempts: 1 } });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(() => http.close());

async function repo(): Promise<TempGitRepo> {
  const created = await createTempGitRepo({
    commits: [{ message: "Initial commit" }, { message: "CD-1 first feature" }],
    branch: "main",
    remoteUrl: "ssh://git@bitbucket.org/foo/ci-detector",
  });
  created.commit("CD-2 second feature\n\nWith a body line.\nFixes #3");
  created.commit("CD-3 third feature");
  cleanups.push(() => created.cleanup());
  return created;
}

async function fakeBamboo(handler: FakeApiHandler): Promise<FakeApi> {
  const api = await startFakeApi(handler);
  cleanups.push(() => api.close());
  return api;
}

/** The variables of OndraM/ci-detector's CiDetector_Bamboo.phpt, with this test's revisions and server. */
function bambooEnv(baseUrl: string, revision: string, previousRevision: string): Record<string, string> {
  return {
    bamboo_agentId: "360449",
    bamboo_buildKey: "CD-CDOB-JOB1",
    bamboo_buildNumber: "7",
    bamboo_buildResultKey: "CD-CDOB-JOB1-7",
    bamboo_buildResultsUrl: `${baseUrl}/browse/CD-CDOB-JOB1-7`,
    bamboo_planKey: "CD-CDOB",
    bamboo_planRepository_1_branch: "main",
    bamboo_planRepository_1_branchName: "main",
    bamboo_planRepository_1_repositoryUrl: "ssh://git@bitbucket.org/foo/ci-detector",
    bamboo_planRepository_1_revision: revision,
    bamboo_planRepository_1_previousRevision: previousRevision,
    bamboo_planRepository_1_type: "bbCloud",
    bamboo_planRepository_branch: "main",
    bamboo_planRepository_branchDisplayName: "main",
    bamboo_planRepository_branchName: "main",
    bamboo_planRepository_name: "My repo name",
    bamboo_planRepository_repositoryUrl: "ssh://git@bitbucket.org/foo/ci-detector",
    bamboo_planRepository_revision: revision,
    bamboo_planRepository_previousRevision: previousRevision,
    bamboo_planRepository_type: "bbCloud",
    bamboo_planRepository_username: "",
    bamboo_repository_revision_number: revision,
    bamboo_resultsUrl: `${baseUrl}/browse/CD-CDOB-JOB1-7`,
    bamboo_shortJobKey: "JOB1",
    bamboo_shortPlanKey: "CDOB",
  };
}

/** `/rest/api/latest/result/{key}?expand=changes.change` as JSON (shape of docs/reference/servers/bamboo.md#the-build-results-changes). */
function resultBody(key: string, changes: { id: string; comment: string }[], size = changes.length): object {
  return {
    key,
    number: 7,
    buildState: "Successful",
    vcsRevisionKey: changes[0]?.id,
    changes: {
      size,
      "start-index": 0,
      "max-result": changes.length,
      expand: "change",
      change: changes.map((change) => ({
        changesetId: change.id,
        author: "dlee",
        userName: "dlee",
        fullName: "Dana Lee",
        comment: change.comment,
        commitUrl: `https://bitbucket.org/foo/ci-detector/commits/${change.id}`,
        date: "2024-05-02T09:14:07.000Z",
      })),
    },
  };
}

describe("bambooAdapter", () => {
  it("detects Bamboo from bamboo_buildKey or bamboo_planKey", () => {
    expect(isDetected(manifest, { bamboo_buildKey: "CD-CDOB-JOB1" })).toBe(true);
    expect(isDetected(manifest, { bamboo_planKey: "CD-CDOB" })).toBe(true);
    expect(isDetected(manifest, { BUILD_NUMBER: "1" })).toBe(false);
  });

  it("without a token reads previousRevision..revision from the checkout", async () => {
    const git = await repo();
    const env = bambooEnv("https://bamboo.foo.bar", git.shas[3]!, git.shas[1]!);
    const draft = await collect(createTestContext({ env }));
    expect(draft.commitRange).toEqual({
      from: git.shas[1],
      to: git.shas[3],
      source: "bamboo_planRepository_previousRevision..bamboo_planRepository_revision",
    });
    const { buildInformation } = normalizeDraft(await resolveDraftCommits(draft, createGitRunner(git.dir)));
    expect(buildInformation).toEqual({
      BuildEnvironment: "Bamboo",
      BuildNumber: "7",
      BuildUrl: "https://bamboo.foo.bar/browse/CD-CDOB-JOB1-7",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://bitbucket.org/foo/ci-detector",
      VcsCommitNumber: git.shas[3],
      Commits: [
        { Id: git.shas[3], Comment: "CD-3 third feature" },
        { Id: git.shas[2], Comment: "CD-2 second feature\n\nWith a body line.\nFixes #3" },
      ],
    });
  });

  it("with BAMBOO_TOKEN reads the result's changes over REST with a bearer token", async () => {
    const git = await repo();
    const changes = [
      { id: git.shas[3]!, comment: "CD-3 third feature" },
      { id: git.shas[2]!, comment: "CD-2 second feature\n\nWith a body line.\nFixes #3" },
    ];
    const api = await fakeBamboo((request) =>
      request.path === "/bamboo/rest/api/latest/result/CD-CDOB-JOB1-7"
        ? { body: resultBody("CD-CDOB-JOB1-7", changes) }
        : { status: 404, body: { message: `no ${request.path}` } },
    );
    const env = {
      ...bambooEnv(`${api.url}/bamboo`, git.shas[3]!, git.shas[1]!),
      BAMBOO_TOKEN: "NjM4MTc2OTk0NzQ3OnBhdA",
    };
    const draft = await collect(createTestContext({ http, env }));

    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]?.query.get("expand")).toBe("changes.change");
    expect(api.requests[0]?.headers.authorization).toBe("Bearer NjM4MTc2OTk0NzQ3OnBhdA");
    expect(api.requests[0]?.headers.accept).toBe("application/json");
    expect(draft.commitRange).toBeUndefined();
    expect(draft.sources?.commits).toBe("Bamboo REST result/CD-CDOB-JOB1-7?expand=changes.change");
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation.Commits).toEqual(
      changes.map((change) => ({ Id: change.id, Comment: change.comment })),
    );
    expect(buildInformation.VcsCommitNumber).toBe(git.shas[3]);
  });

  it("keeps VcsCommitNumber the built revision when the result has no changes (a rebuild)", async () => {
    const api = await fakeBamboo(() => ({ body: resultBody("CD-CDOB-JOB1-7", []) }));
    const revision = "4e7f5fcf7802369224dba2095551c35e1e389551";
    const env = {
      ...bambooEnv(api.url, revision, revision),
      BAMBOO_USERNAME: "ci",
      BAMBOO_PASSWORD: "s3cret",
    };
    const draft = await collect(createTestContext({ http, env }));
    expect(api.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from("ci:s3cret").toString("base64")}`,
    );
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation.Commits).toEqual([]);
    expect(buildInformation.VcsCommitNumber).toBe(revision);
  });

  it("falls back to the checkout when the API refuses or lists fewer changes than its size", async () => {
    const git = await repo();
    const refused = await fakeBamboo(() => ({ status: 401, body: { message: "Unauthorized" } }));
    const env = { ...bambooEnv(refused.url, git.shas[3]!, git.shas[2]!), BAMBOO_TOKEN: "expired" };
    const context = createTestContext({ http, env });
    const draft = await collect(context);
    expect(context.failedReads[0]?.error.message).toMatch(/HTTP 401/);
    expect(context.failedReads[0]?.read.fix).toMatch(/BAMBOO_TOKEN/);
    const resolved = await resolveDraftCommits(draft, createGitRunner(git.dir));
    expect(resolved.commits?.map((commit) => commit.id)).toEqual([git.shas[3]]);

    const partial = await fakeBamboo(() => ({
      body: resultBody("CD-CDOB-JOB1-7", [{ id: git.shas[3]!, comment: "x" }], 2),
    }));
    const partialDraft = await collect(
      createTestContext({
        http,
        env: { ...env, bamboo_buildResultsUrl: `${partial.url}/browse/CD-CDOB-JOB1-7` },
      }),
    );
    expect(partialDraft.warnings?.[0]).toBe(
      "Bamboo listed 1 of 2 changes of CD-CDOB-JOB1-7; reading them from the checkout.",
    );
    expect(partialDraft.commitRange?.from).toBe(git.shas[2]);
  });

  it("reads only the head commit when previousRevision repeats revision (first build or re-run)", async () => {
    const git = await repo();
    const draft = await collect(
      createTestContext({ env: bambooEnv("https://b", git.shas[3]!, git.shas[3]!) }),
    );
    expect(draft.warnings?.join("\n")).toMatch(/only the head commit/);
    const resolved = await resolveDraftCommits(draft, createGitRunner(git.dir));
    expect(resolved.commits?.map((commit) => commit.id)).toEqual([git.shas[3]]);
  });

  it("reads the repository at the planRepository position, a PR's source branch, and composes the URL from BAMBOO_URL", async () => {
    const draft = await collect(
      createTestContext({
        env: {
          bamboo_planKey: "SHOP-WEB3",
          bamboo_buildNumber: "12",
          bamboo_buildResultKey: "SHOP-WEB3-JOB1-12",
          BAMBOO_URL: "https://bamboo.example.com/",
          bamboo_repository_pr_key: "41",
          bamboo_repository_pr_sourceBranch: "feature/SHOP-41",
          bamboo_planRepository_1_repositoryUrl: "https://github.com/acme/infra.git",
          bamboo_planRepository_2_repositoryUrl: "git@github.com:acme/shop-web.git",
          bamboo_planRepository_2_revision: "abc123",
          bamboo_planRepository_2_previousRevision: "abc000",
          bamboo_planRepository_2_type: "bbCloud",
        },
        options: { planRepository: "2" },
      }),
    );
    expect(draft).toMatchObject({
      buildUrl: "https://bamboo.example.com/browse/SHOP-WEB3-JOB1-12",
      branch: "feature/SHOP-41",
      vcsRoot: "git@github.com:acme/shop-web.git",
      vcsCommitNumber: "abc123",
      commitRange: { from: "abc000", to: "abc123" },
      sources: {
        vcsRoot: "bamboo_planRepository_2_repositoryUrl",
        branch: "bamboo_repository_pr_sourceBranch",
      },
    });
  });

  it("passes a Subversion repository type through, which the core rejects", async () => {
    const draft = await collect(
      createTestContext({
        env: {
          bamboo_buildKey: "OLD-PLAN-JOB1",
          bamboo_buildNumber: "3",
          bamboo_planRepository_type: "svn",
          bamboo_planRepository_repositoryUrl: "https://svn.example.com/repo/trunk",
          bamboo_planRepository_revision: "9032",
          bamboo_planRepository_previousRevision: "9030",
        },
      }),
    );
    expect(draft.vcsType).toBe("svn");
    expect(draft.commitRange).toBeUndefined();
    expect(() => normalizeDraft(draft)).toThrow(
      expect.objectContaining({ code: "E_VCS_UNSUPPORTED", source: "bamboo_planRepository_type" }),
    );
  });
});
