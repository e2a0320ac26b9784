import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isBuildInfoError, isDetected, normalizeDraft } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { createTestContext } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { parseAzureDevOpsBuildUrl } from "../../../packages/core/src/work-items/azure-devops-build-urls";
import { collect } from "../src/collector";
import { manifest } from "../src/manifest";
import {
  BUILD_ID,
  type FakeChange,
  PROJECT_ID,
  REPOSITORY_ID,
  SERVER_PAGE_LIMIT,
  startFakeAzureDevOps,
  TOKEN,
} from "./support/fake-azure-devops";
import { pipelineEnv } from "./support/pipeline-env";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function httpClient() {
  const http = createHttpClient();
  cleanups.push(http.close);
  return http;
}

/** `count` Git changes, newest first as the API lists them; every 10th message is longer than the API shows. */
function gitChanges(count: number): FakeChange[] {
  return Array.from({ length: count }, (_, index) => {
    const n = count - index;
    const truncated = n % 10 === 0;
    return {
      id: n.toString(16).padStart(40, "0"),
      message: truncated
        ? `SHOP-${n} a change whose message is longer than the changes API shows\n\nDetails of ${n}.\nFixes AB#${n}`
        : `SHOP-${n} change ${n}`,
      truncated,
    };
  });
}

describe("Azure Repos Git (TfsGit)", () => {
  it("reads every change past the server's page limit, with truncated messages read in full", async () => {
    const changes = gitChanges(2 * SERVER_PAGE_LIMIT + 37);
    const api = await startFakeAzureDevOps({ type: "TfsGit", changes });
    cleanups.push(api.close);
    const head = changes[0]!.id;
    const env = pipelineEnv(api.collectionUrl, {
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      BUILD_REPOSITORY_URI: "https://acme@dev.azure.com/acme/Shop%20Web/_git/web",
      BUILD_SOURCEBRANCH: "refs/heads/feature/SHOP-237-cache",
      BUILD_SOURCEBRANCHNAME: "SHOP-237-cache",
      BUILD_SOURCEVERSION: head,
      BUILD_SOURCEVERSIONMESSAGE: "SHOP-237 change 237",
      SYSTEM_ACCESSTOKEN: TOKEN,
    });

    const draft = await collect(createTestContext({ env, http: httpClient() }));
    const { buildInformation } = normalizeDraft(draft);

    expect(buildInformation).toMatchObject({
      BuildEnvironment: "Azure DevOps",
      BuildNumber: "20250106.3 (main)",
      BuildUrl: `${api.collectionUrl}Shop%20Web/_build/results?buildId=${BUILD_ID}`,
      Branch: "feature/SHOP-237-cache",
      VcsType: "Git",
      VcsRoot: "https://dev.azure.com/acme/Shop%20Web/_git/web",
      VcsCommitNumber: head,
    });
    expect(parseAzureDevOpsBuildUrl(buildInformation.BuildUrl)).toEqual({
      organizationUrl: `${api.collectionUrl}`.replace(/\/$/, ""),
      projectUrl: `${api.collectionUrl}Shop%20Web`,
      buildId: Number(BUILD_ID),
    });
    expect(buildInformation.Commits).toEqual(
      changes.map((change) => ({ Id: change.id, Comment: change.message })),
    );

    const changePages = api.requests.filter((request) => request.path.endsWith("/changes"));
    expect(changePages.map((request) => request.query.get("continuationToken"))).toEqual([
      null,
      "100",
      "200",
    ]);
    const refetched = api.requests.filter((request) => request.path.includes("/_apis/git/repositories/"));
    expect(refetched).toHaveLength(changes.filter((change) => change.truncated).length);
    expect(api.requests).toHaveLength(changePages.length + refetched.length);
    expect(api.maxInFlight()).toBeGreaterThan(1);
    expect(api.maxInFlight()).toBeLessThanOrEqual(8);
    expect(draft.sources?.commits).toBe("Azure DevOps build changes API (BUILD_BUILDID)");
    expect(JSON.stringify(draft)).not.toContain(TOKEN);
  });

  it("records a pull request build's source branch, not refs/pull/N/merge", async () => {
    const api = await startFakeAzureDevOps({ type: "TfsGit", changes: gitChanges(2) });
    cleanups.push(api.close);
    const env = pipelineEnv(api.collectionUrl, {
      BUILD_REASON: "PullRequest",
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      BUILD_REPOSITORY_URI: "https://dev.azure.com/acme/Shop%20Web/_git/web",
      BUILD_SOURCEBRANCH: "refs/pull/41/merge",
      BUILD_SOURCEVERSION: "5f2a0c3b4d5e6f708192a3b4c5d6e7f8091a2b3c",
      SYSTEM_PULLREQUEST_PULLREQUESTID: "41",
      SYSTEM_PULLREQUEST_SOURCEBRANCH: "refs/heads/feature/SHOP-41",
      SYSTEM_PULLREQUEST_TARGETBRANCH: "refs/heads/main",
      SYSTEM_ACCESSTOKEN: TOKEN,
    });
    const draft = await collect(createTestContext({ env, http: httpClient() }));
    expect(draft.sources?.branch).toBe("SYSTEM_PULLREQUEST_SOURCEBRANCH");
    expect(normalizeDraft(draft).buildInformation.Branch).toBe("feature/SHOP-41");
  });

  it("keeps a GitHub repository's truncated messages, with a warning", async () => {
    const changes = gitChanges(10);
    const api = await startFakeAzureDevOps({ type: "GitHub", changes });
    cleanups.push(api.close);
    const env = pipelineEnv(api.collectionUrl, {
      BUILD_REPOSITORY_PROVIDER: "GitHub",
      BUILD_REPOSITORY_URI: "https://github.com/acme/shop-web",
      BUILD_SOURCEBRANCH: "refs/heads/main",
      BUILD_SOURCEVERSION: changes[0]!.id,
      SYSTEM_ACCESSTOKEN: TOKEN,
    });
    const draft = await collect(createTestContext({ env, http: httpClient() }));
    expect(draft.commits?.[0]?.comment).toBe(changes[0]!.message.slice(0, 40));
    expect(draft.warnings).toEqual([
      expect.stringMatching(/1 commit message\(s\) were cut short .* GitHub repositories/),
    ]);
    expect(api.requests).toHaveLength(1);
  });

  it("reads a truncated message from BUILD_REPOSITORY_ID's repository when the API's location has a broken %-escape", async () => {
    const [change] = gitChanges(10);
    const api = await startFakeAzureDevOps({
      type: "TfsGit",
      changes: [
        { ...change!, location: `http://127.0.0.1/_apis/git/repositories/%E0%A4%A/Commits/${change!.id}` },
      ],
    });
    cleanups.push(api.close);
    const env = pipelineEnv(api.collectionUrl, {
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      BUILD_SOURCEVERSION: change!.id,
      SYSTEM_ACCESSTOKEN: TOKEN,
    });
    const draft = await collect(createTestContext({ env, http: httpClient() }));
    expect(draft.commits).toEqual([{ id: change!.id, comment: change!.message }]);
    expect(draft.warnings).toEqual([expect.stringMatching(/malformed %-escape .* BUILD_REPOSITORY_ID/)]);
    expect(api.requests.map((request) => request.path)).toContain(
      `/acme/${PROJECT_ID}/_apis/git/repositories/${REPOSITORY_ID}/commits/${change!.id}`,
    );
  });

  it("fails with the access-token hint when Azure DevOps does not accept the token", async () => {
    const api = await startFakeAzureDevOps({ type: "TfsGit", changes: gitChanges(1) });
    cleanups.push(api.close);
    const env = pipelineEnv(api.collectionUrl, {
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      BUILD_SOURCEVERSION: "5f2a0c3b4d5e6f708192a3b4c5d6e7f8091a2b3c",
      SYSTEM_ACCESSTOKEN: "not-the-job-token",
    });
    const context = createTestContext({ env, http: httpClient() });
    await collect(context);
    const error = context.failedReads[0]?.error;
    expect(error?.code).toBe("E_BUILD_SERVER_HTTP_203");
    expect(error?.hint).toMatch(/SYSTEM_ACCESSTOKEN: \$\(System.AccessToken\)/);
    expect(error?.kind).toBe("remote");
  });

  it("masks the job token in the snippet of an answer that is not JSON, such as a sign-in page echoing it", async () => {
    const page = createServer((req, res) =>
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(`<html>Signed in with ${req.headers.authorization?.slice("Bearer ".length)}</html>`),
    );
    page.listen(0, "127.0.0.1");
    await once(page, "listening");
    cleanups.push(() => new Promise((resolve) => page.close(() => resolve())));
    const env = pipelineEnv(`http://127.0.0.1:${(page.address() as AddressInfo).port}/acme/`, {
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      BUILD_SOURCEVERSION: "5f2a0c3b4d5e6f708192a3b4c5d6e7f8091a2b3c",
      SYSTEM_ACCESSTOKEN: TOKEN,
    });
    const context = createTestContext({ env, http: httpClient() });
    await collect(context);
    const error = context.failedReads[0]?.error;
    expect(error?.code).toBe("E_BUILD_SERVER_RESPONSE");
    expect((error as Error).message).toContain("Signed in with ");
    expect((error as Error).message).not.toContain(TOKEN.slice(0, 20));
  });

  it("sends the head commit from the variables when SYSTEM_ACCESSTOKEN is not mapped", async () => {
    const env = pipelineEnv("https://dev.azure.com/acme/", {
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      BUILD_REPOSITORY_URI: "https://dev.azure.com/acme/Shop%20Web/_git/web",
      BUILD_SOURCEBRANCH: "refs/heads/main",
      BUILD_SOURCEVERSION: "5f2a0c3b4d5e6f708192a3b4c5d6e7f8091a2b3c",
      BUILD_SOURCEVERSIONMESSAGE: "SHOP-9 add retry",
    });
    // No http client: nothing may be requested.
    const draft = await collect(createTestContext({ env }));
    expect(draft.commits).toEqual([
      { id: "5f2a0c3b4d5e6f708192a3b4c5d6e7f8091a2b3c", comment: "SHOP-9 add retry" },
    ]);
    expect(draft.warnings?.[0]).toMatch(/SYSTEM_ACCESSTOKEN is not set/);
  });
});

describe("TFVC (TfsVersionControl)", () => {
  it("maps changesets, the $/ path branch and the collection URL, reading every change", async () => {
    const changes: FakeChange[] = Array.from({ length: SERVER_PAGE_LIMIT + 20 }, (_, index) => {
      const id = String(1234 - index);
      const truncated = index % 25 === 0;
      return {
        id,
        message: truncated
          ? `AB#${id} checked in with a long explanation that the API shortens\n\nsecond paragraph`
          : `C${id}`,
        truncated,
      };
    });
    const api = await startFakeAzureDevOps({ type: "TfsVersionControl", changes });
    cleanups.push(api.close);
    const env = pipelineEnv(api.collectionUrl, {
      BUILD_REPOSITORY_PROVIDER: "TfsVersionControl",
      BUILD_REPOSITORY_URI: "https://dev.azure.com/acme/",
      BUILD_REPOSITORY_NAME: "Shop Web",
      BUILD_SOURCEBRANCH: "$/Shop Web/Main",
      BUILD_SOURCEBRANCHNAME: "Main",
      BUILD_SOURCEVERSION: "1234",
      SYSTEM_ACCESSTOKEN: TOKEN,
    });
    const { buildInformation } = normalizeDraft(
      await collect(createTestContext({ env, http: httpClient() })),
    );
    expect(buildInformation).toMatchObject({
      BuildEnvironment: "Azure DevOps",
      Branch: "$/Shop Web/Main",
      VcsType: "TFVC",
      VcsRoot: "https://dev.azure.com/acme",
      VcsCommitNumber: "1234",
    });
    expect(buildInformation.Commits).toEqual(
      changes.map((change) => ({ Id: change.id, Comment: change.message })),
    );
    expect(api.requests.filter((request) => request.path.endsWith("/changes"))).toHaveLength(2);
    expect(api.requests.filter((request) => request.path.includes("/_apis/tfvc/changesets/"))).toHaveLength(
      5,
    );
  });
});

describe("Subversion", () => {
  it("surfaces the Svn provider as it is, for the core to reject", async () => {
    const env = pipelineEnv("https://tfs.example.com/tfs/DefaultCollection/", {
      BUILD_REPOSITORY_PROVIDER: "Svn",
      BUILD_REPOSITORY_URI: "https://svn.example.com/repos/shop",
      BUILD_SOURCEBRANCH: "trunk",
      BUILD_SOURCEVERSION: "4711",
      BUILD_SOURCEVERSIONMESSAGE: "r4711",
    });
    const draft = await collect(createTestContext({ env }));
    expect(draft.vcsType).toBe("Svn");
    expect(draft.sources?.vcsType).toBe("BUILD_REPOSITORY_PROVIDER");
    // Nothing for the git reader to do first: the core's rejection is the first thing the user sees.
    expect(draft.commitRange).toBeUndefined();
    const error = (() => {
      try {
        normalizeDraft(draft);
      } catch (caught) {
        return caught;
      }
    })();
    expect(isBuildInfoError(error) && error.code).toBe("E_VCS_UNSUPPORTED");
    expect(isBuildInfoError(error) && error.message).toMatch(/Svn/);
  });
});

describe("detection", () => {
  it("is TF_BUILD=True", () => {
    expect(isDetected(manifest, { TF_BUILD: "True" })).toBe(true);
    expect(isDetected(manifest, { BUILD_BUILDID: "1" })).toBe(false);
  });
});
