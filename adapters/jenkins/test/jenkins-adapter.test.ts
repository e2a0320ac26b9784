import { type BuildInfoError, isDetected, normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createHttpClient } from "@buildinfo/http";
import {
  createTempGitRepo,
  createTestContext,
  type FakeApi,
  startFakeApi,
  type TempGitRepo,
} from "@buildinfo/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { collect } from "../src/collector";
import { jenkinsBuildTree } from "../src/jenkins-build-api";
import { manifest } from "../src/manifest";
import { buildDataAction, freestyleBuild, pipelineBuild } from "./jenkins-fixtures";

const http = createHttpClient({ retry: { maxAttempts: 1 } });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(() => http.close());

async function fakeJenkins(
  build: object | ((path: string) => { status: number; body: object | string }),
): Promise<FakeApi> {
  const api = await startFakeApi((request) =>
    typeof build === "function" ? build(request.path) : { body: build },
  );
  cleanups.push(() => api.close());
  return api;
}

async function repoWithHistory(): Promise<TempGitRepo> {
  const repo = await createTempGitRepo({
    commits: [{ message: "Initial commit" }, { message: "SHOP-1 main work\n\nBody of main." }],
    branch: "feature/SHOP-7-new",
    remoteUrl: "git@github.com:acme/shop-web.git",
  });
  repo.commit("SHOP-7 first change on the branch\n\nDetails, Fixes #7");
  repo.commit("SHOP-7 second change");
  cleanups.push(() => repo.cleanup());
  return repo;
}

const sha = (n: number) => n.toString(16).padStart(40, "0");

describe("jenkinsAdapter", () => {
  it("detects Jenkins from JENKINS_URL or BUILD_URL + JOB_NAME only", () => {
    expect(isDetected(manifest, { JENKINS_URL: "https://ci.example.com/" })).toBe(true);
    expect(isDetected(manifest, { BUILD_URL: "https://ci/job/x/1/", JOB_NAME: "x" })).toBe(true);
    expect(isDetected(manifest, { BUILD_URL: "https://tc/buildConfiguration/x/1" })).toBe(false);
    expect(isDetected(manifest, {})).toBe(false);
  });

  it("maps a freestyle build: one changeSet, full comments, basic auth, origin/ branch", async () => {
    const commits = [
      { id: sha(2), comment: "SHOP-9 add retry\n\nAlso closes #12" },
      { id: sha(1), comment: "Tidy logging" },
    ];
    const api = await fakeJenkins(freestyleBuild(commits));
    const context = createTestContext({
      http,
      env: {
        JENKINS_URL: `${api.url}/`,
        BUILD_URL: `${api.url}/job/shop/57/`,
        JOB_NAME: "shop",
        BUILD_NUMBER: "57",
        GIT_COMMIT: sha(2),
        GIT_BRANCH: "origin/main",
        GIT_URL: "ssh://git@git.example.com:7999/shop/web.git",
        JENKINS_USER_ID: "ci-reader",
        JENKINS_API_TOKEN: "11aa22bb33cc",
      },
    });
    const draft = await collect(context);

    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.path).toBe("/job/shop/57/api/json");
    expect(request?.query.get("tree")).toBe(jenkinsBuildTree);
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from("ci-reader:11aa22bb33cc").toString("base64")}`,
    );
    expect(draft.sources).toMatchObject({
      branch: "GIT_BRANCH",
      vcsRoot: "GIT_URL",
      vcsCommitNumber: "GIT_COMMIT",
      vcsType: "api/json changeSets[].kind",
      commits: "api/json changeSet/changeSets",
    });
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation).toEqual({
      BuildEnvironment: "Jenkins",
      BuildNumber: "57",
      BuildUrl: `${api.url}/job/shop/57/`,
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://git.example.com/shop/web",
      VcsCommitNumber: sha(2),
      Commits: [
        { Id: sha(2), Comment: "SHOP-9 add retry\n\nAlso closes #12" },
        { Id: sha(1), Comment: "Tidy logging" },
      ],
    });
  });

  it("maps a multibranch pipeline PR: changeSets of every checkout, CHANGE_BRANCH, BuildData when GIT_* is missing", async () => {
    const head = sha(30);
    const api = await fakeJenkins(
      pipelineBuild(
        [
          [{ id: sha(20), comment: "Shared library: bump helper" }],
          [
            { id: head, comment: "SHOP-24 price cache\n\nLong body\nwith lines" },
            { id: sha(29), comment: "SHOP-24 prepare" },
          ],
        ],
        [buildDataAction(head, "PR-24", "git@github.com:acme/shop-web.git")],
      ),
    );
    const draft = await collect(
      createTestContext({
        http,
        env: {
          BUILD_URL: `${api.url}/job/shop/job/PR-24/3/`,
          JOB_NAME: "shop/PR-24",
          BUILD_NUMBER: "3",
          BRANCH_NAME: "PR-24",
          CHANGE_ID: "24",
          CHANGE_BRANCH: "feature/SHOP-24-cache",
          CHANGE_TARGET: "main",
        },
      }),
    );
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
    expect(draft.sources).toMatchObject({
      branch: "CHANGE_BRANCH",
      vcsRoot: "api/json BuildData remoteUrls",
      vcsCommitNumber: "api/json BuildData lastBuiltRevision.SHA1",
    });
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation).toMatchObject({
      Branch: "feature/SHOP-24-cache",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: head,
      VcsType: "Git",
    });
    expect(buildInformation.Commits.map((commit) => commit.Id)).toEqual([head, sha(29), sha(20)]);
    expect(buildInformation.Commits[0]?.Comment).toBe("SHOP-24 price cache\n\nLong body\nwith lines");
  });

  it("adds the changes of the failed runs since the last successful one, as the official plugin does", async () => {
    const api = await fakeJenkins((path) => {
      if (path === "/job/shop/api/json") return { status: 200, body: { lastSuccessfulBuild: { number: 4 } } };
      if (path === "/job/shop/7/api/json")
        return { status: 200, body: freestyleBuild([{ id: sha(7), comment: "Fix the build", at: 30 }]) };
      if (path === "/job/shop/6/api/json") {
        return {
          status: 200,
          body: freestyleBuild([
            { id: sha(62), comment: "SHOP-6 second try\n\nStill failing", at: 20 },
            { id: sha(61), comment: "SHOP-6 first try", at: 10 },
          ]),
        };
      }
      return { status: 404, body: "Not found" };
    });
    const draft = await collect(
      createTestContext({
        http,
        env: {
          BUILD_URL: `${api.url}/job/shop/7/`,
          JOB_URL: `${api.url}/job/shop/`,
          JOB_NAME: "shop",
          BUILD_NUMBER: "7",
          GIT_COMMIT: sha(7),
        },
      }),
    );
    expect(api.requests.map((request) => request.path).sort()).toEqual([
      "/job/shop/5/api/json",
      "/job/shop/6/api/json",
      "/job/shop/7/api/json",
      "/job/shop/api/json",
    ]);
    expect(api.requests.find((request) => request.path === "/job/shop/api/json")?.query.get("tree")).toBe(
      "lastSuccessfulBuild[number]",
    );
    expect(draft.commits?.map((commit) => commit.id)).toEqual([sha(7), sha(62), sha(61)]);
    expect(draft.sources?.commits).toBe("api/json changeSet/changeSets (and 1 failed run(s) before)");
    expect(draft.warnings).toBeUndefined();
  });

  it("sends a tag build's branch as the tag ref", async () => {
    const api = await fakeJenkins(pipelineBuild([]));
    const draft = await collect(
      createTestContext({
        http,
        env: {
          BUILD_URL: `${api.url}/job/shop/job/v1.2/1/`,
          JOB_NAME: "shop/v1.2",
          BRANCH_NAME: "v1.2",
          TAG_NAME: "v1.2",
        },
      }),
    );
    expect(draft.branch).toBe("refs/tags/v1.2");
    expect(draft.sources?.branch).toBe("TAG_NAME");
  });

  it("reads the first build of a new branch (empty changeSets) from git GIT_PREVIOUS_SUCCESSFUL_COMMIT..GIT_COMMIT", async () => {
    const repo = await repoWithHistory();
    const api = await fakeJenkins(pipelineBuild([]));
    const env = {
      BUILD_URL: `${api.url}/job/shop/job/feature%252FSHOP-7-new/1/`,
      JOB_NAME: "shop/feature%2FSHOP-7-new",
      BUILD_NUMBER: "1",
      BRANCH_NAME: "feature/SHOP-7-new",
      GIT_COMMIT: repo.shas[3]!,
      GIT_PREVIOUS_SUCCESSFUL_COMMIT: repo.shas[1]!,
      GIT_URL: "https://github.com/acme/shop-web.git",
    };
    const draft = await collect(createTestContext({ http, env }));
    expect(draft.commits).toBeUndefined();
    expect(draft.commitRange).toEqual({
      from: repo.shas[1],
      to: repo.shas[3],
      source: "GIT_PREVIOUS_SUCCESSFUL_COMMIT..GIT_COMMIT",
    });
    const { buildInformation } = normalizeDraft(await resolveDraftCommits(draft, createGitRunner(repo.dir)));
    expect(buildInformation.Commits).toEqual([
      { Id: repo.shas[3], Comment: "SHOP-7 second change" },
      { Id: repo.shas[2], Comment: "SHOP-7 first change on the branch\n\nDetails, Fixes #7" },
    ]);
    expect(buildInformation.Branch).toBe("feature/SHOP-7-new");
  });

  it("without any previous commit reads only the head commit, and a PR's commits from its target", async () => {
    const repo = await repoWithHistory();
    repo.git(["update-ref", "refs/remotes/origin/main", repo.shas[1]!]);
    const api = await fakeJenkins(pipelineBuild([]));
    const base = { BUILD_URL: `${api.url}/job/shop/1/`, JOB_NAME: "shop", GIT_COMMIT: repo.shas[3]! };

    const branchDraft = await collect(createTestContext({ http, env: base }));
    expect(branchDraft.warnings?.join("\n")).toContain("--since");
    const branchCommits = await resolveDraftCommits(branchDraft, createGitRunner(repo.dir));
    expect(branchCommits.commits?.map((commit) => commit.id)).toEqual([repo.shas[3]]);

    const prDraft = await collect(
      createTestContext({
        http,
        env: { ...base, CHANGE_ID: "7", CHANGE_TARGET: "main", CHANGE_BRANCH: "x" },
      }),
    );
    expect(prDraft.commitRange?.source).toBe("origin/CHANGE_TARGET..GIT_COMMIT");
    const prCommits = await resolveDraftCommits(prDraft, createGitRunner(repo.dir));
    expect(prCommits.commits?.map((commit) => commit.id)).toEqual([repo.shas[3], repo.shas[2]]);
  });

  it("takes a PR's source branch and target from the GitHub Pull Request Builder and GitLab plugins", async () => {
    const repo = await repoWithHistory();
    repo.git(["update-ref", "refs/remotes/origin/main", repo.shas[1]!]);
    const api = await fakeJenkins(pipelineBuild([]));
    const base = { BUILD_URL: `${api.url}/job/shop/1/`, JOB_NAME: "shop", GIT_COMMIT: repo.shas[3]! };
    const plugins = [
      { ghprbPullId: "7", ghprbSourceBranch: "feature/SHOP-7-new", ghprbTargetBranch: "main" },
      { gitlabMergeRequestId: "7", gitlabSourceBranch: "feature/SHOP-7-new", gitlabTargetBranch: "main" },
    ];
    for (const variables of plugins) {
      const draft = await collect(createTestContext({ http, env: { ...base, ...variables } }));
      const [source, target] = Object.keys(variables).slice(1);
      expect(draft.branch).toBe("feature/SHOP-7-new");
      expect(draft.sources?.branch).toBe(source);
      expect(draft.commitRange?.source).toBe(`origin/${target}..GIT_COMMIT`);
      const resolved = await resolveDraftCommits(draft, createGitRunner(repo.dir));
      expect(resolved.commits?.map((commit) => commit.id)).toEqual([repo.shas[3], repo.shas[2]]);
    }
  });

  it("orders a repository checked out twice newest first by timestamp, each commit once", async () => {
    // The second checkout of the same repository lists older commits plus the new ones.
    const api = await fakeJenkins(
      pipelineBuild([
        [
          { id: sha(3), comment: "third", at: 3 },
          { id: sha(2), comment: "second", at: 2 },
        ],
        [
          { id: sha(2), comment: "second", at: 2 },
          { id: sha(1), comment: "first", at: 1 },
        ],
        [{ id: sha(4), comment: "library change", at: 2.5 }],
      ]),
    );
    const draft = await collect(
      createTestContext({
        http,
        env: { BUILD_URL: `${api.url}/job/shop/2/`, JOB_NAME: "shop", GIT_COMMIT: sha(3) },
      }),
    );
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation.Commits.map((commit) => commit.Comment)).toEqual([
      "third",
      "library change",
      "second",
      "first",
    ]);
  });

  it("falls back to the git range with a warning when the API refuses or cannot be reached", async () => {
    const repo = await repoWithHistory();
    const api = await startFakeApi(() => ({ status: 403, body: "<html>Forbidden</html>" }));
    const env = {
      BUILD_URL: `${api.url}/job/shop/9/`,
      JOB_NAME: "shop",
      GIT_COMMIT: repo.shas[3]!,
      GIT_PREVIOUS_COMMIT: repo.shas[2]!,
      JENKINS_API_TOKEN: "only-a-token-without-user",
    };
    const refusedContext = createTestContext({ http, env });
    const refused = await collect(refusedContext);
    expect(api.requests[0]?.headers.authorization).toBeUndefined();
    expect(refusedContext.failedReads.map(({ read, error }) => [read.what, error.message])).toEqual([
      [
        `the build's change sets from the Jenkins API (${api.url}/job/shop/9/api/json)`,
        expect.stringMatching(/HTTP 403/),
      ],
    ]);
    expect(refusedContext.failedReads[0]?.read.fix).toMatch(/JENKINS_USER_ID and JENKINS_API_TOKEN/);
    expect(refused.commitRange?.source).toBe("GIT_PREVIOUS_COMMIT..GIT_COMMIT");

    await api.close();
    const unreachableContext = createTestContext({ http, env });
    const unreachable = await collect(unreachableContext);
    expect(unreachableContext.failedReads[0]?.error.kind).toBe("remote");
    const resolved = await resolveDraftCommits(unreachable, createGitRunner(repo.dir));
    expect(resolved.commits).toEqual([{ id: repo.shas[3], comment: "SHOP-7 second change" }]);
  });

  it("a proxy's HTML page instead of api/json: a clear warning naming the URL, then the git range", async () => {
    const repo = await repoWithHistory();
    const page = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Corporate SSO</body></html>";
    const api = await fakeJenkins(() => ({ status: 200, body: page }));
    const env = {
      BUILD_URL: `${api.url.replace("http://", "http://ci-reader:url-s3cret@")}/job/shop/9/`,
      JOB_NAME: "shop",
      GIT_COMMIT: repo.shas[3]!,
      GIT_PREVIOUS_COMMIT: repo.shas[2]!,
      JENKINS_USER_ID: "ci-reader",
      JENKINS_API_TOKEN: "11aa22bb33cc",
    };
    const context = createTestContext({ http, env });
    const draft = await collect(context);
    expect(api.requests).toHaveLength(1);
    expect(context.failedReads.map(({ error }) => error.message)).toEqual([
      `The response from ${api.url}/job/shop/9/api/json was not JSON (HTTP 200, no content type): "Sign in".`,
    ]);
    expect(context.failedReads.map(({ error }) => `${error.message} ${error.hint}`).join("\n")).not.toMatch(
      /SyntaxError|Unexpected token|url-s3cret|11aa22bb33cc|tree=/,
    );
    expect(draft.commitRange?.source).toBe("GIT_PREVIOUS_COMMIT..GIT_COMMIT");
    const resolved = await resolveDraftCommits(draft, createGitRunner(repo.dir));
    expect(resolved.commits).toEqual([{ id: repo.shas[3], comment: "SHOP-7 second change" }]);
  });

  it("a proxy's HTML page for the job's last successful build: this run's changes, with a clear warning", async () => {
    const api = await fakeJenkins((path) =>
      path === "/job/shop/api/json"
        ? { status: 200, body: "<html><body>Please sign in</body></html>" }
        : { status: 200, body: freestyleBuild([{ id: sha(7), comment: "Fix the build" }]) },
    );
    const context = createTestContext({
      http,
      env: {
        BUILD_URL: `${api.url}/job/shop/7/`,
        JOB_URL: `${api.url}/job/shop/`,
        JOB_NAME: "shop",
        BUILD_NUMBER: "7",
        GIT_COMMIT: sha(7),
      },
    });
    const draft = await collect(context);
    expect(draft.commits?.map((commit) => commit.id)).toEqual([sha(7)]);
    expect(context.failedReads.map(({ read, error }) => [read.what, error.message])).toEqual([
      [
        "the failed runs since the last successful build from the Jenkins API",
        `The response from ${api.url}/job/shop/api/json was not JSON (HTTP 200, no content type): "Please sign in".`,
      ],
    ]);
  });

  it("composes BUILD_URL from JENKINS_URL, JOB_NAME folders and BUILD_NUMBER when Jenkins has no root URL", async () => {
    const api = await fakeJenkins(freestyleBuild([]));
    const draft = await collect(
      createTestContext({
        http,
        env: {
          JENKINS_URL: `${api.url}/`,
          BUILD_URL: "",
          JOB_NAME: "team/shop web/main",
          BUILD_NUMBER: "12",
        },
      }),
    );
    expect(draft.buildUrl).toBe(`${api.url}/job/team/job/shop%20web/job/main/12/`);
    expect(api.requests[0]?.path).toBe("/job/team/job/shop%20web/job/main/12/api/json");
    expect(draft.commits).toEqual([]);
  });

  it("surfaces Subversion as vcsType svn, which the core rejects", async () => {
    const api = await fakeJenkins({
      _class: "hudson.model.FreeStyleBuild",
      changeSet: {
        _class: "hudson.scm.SubversionChangeLogSet",
        kind: "svn",
        revisions: [{ module: "https://svn.example.com/repo/trunk", revision: 9032 }],
        items: [{ commitId: "9032", revision: 9032, msg: "Fix the build", user: "dlee" }],
      },
    });
    const draft = await collect(
      createTestContext({
        http,
        env: {
          BUILD_URL: `${api.url}/job/legacy/4/`,
          JOB_NAME: "legacy",
          SVN_REVISION: "9032",
          SVN_URL: "https://svn.example.com/repo/trunk",
        },
      }),
    );
    expect(draft).toMatchObject({ vcsType: "svn", vcsCommitNumber: "9032", commits: [{ id: "9032" }] });
    expect(() => normalizeDraft(draft)).toThrow(expect.objectContaining({ code: "E_VCS_UNSUPPORTED" }));
    try {
      normalizeDraft(draft);
    } catch (error) {
      expect((error as BuildInfoError).message).toMatch(/svn.*api\/json changeSets\[\]\.kind/);
    }
  });

  it("infers svn from SVN_REVISION when the API is not reachable, without asking git", async () => {
    const draft = await collect(
      createTestContext({ http, env: { JENKINS_URL: "http://127.0.0.1:9/", SVN_REVISION: "77" } }),
    );
    expect(draft).toMatchObject({ vcsType: "svn", sources: { vcsType: "SVN_REVISION" } });
    expect(draft.commitRange).toBeUndefined();
    expect(() => normalizeDraft(draft)).toThrow(expect.objectContaining({ code: "E_VCS_UNSUPPORTED" }));
  });
});
