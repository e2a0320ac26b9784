import { isDetected, normalizeDraft } from "@buildinfo/core";
import { createTestContext } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { collect } from "../src/collector";
import { PUSH_PAYLOAD_COMMIT_LIMIT } from "../src/commit-plan";
import { manifest } from "../src/manifest";
import { fakeCommits, fakeGitHubIn } from "./support/fake-github-api";
import { githubEnv } from "./support/github-env";
import { eventFileIn, type PushPayload, webhookExample } from "./support/webhook-examples";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const eventFile = eventFileIn(cleanups);
const fakeGitHub = fakeGitHubIn(cleanups);

describe("push events (real @octokit/webhooks-examples payloads)", () => {
  it("takes the commits of the first push of the default branch from the payload", async () => {
    const payload = webhookExample<PushPayload>("push", (p) => p.ref === "refs/heads/master");
    expect(payload.before).toMatch(/^0+$/);
    const env = githubEnv({
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: await eventFile(payload),
      GITHUB_REF: payload.ref,
      GITHUB_REF_NAME: "master",
      GITHUB_REF_TYPE: "branch",
      GITHUB_SHA: payload.after,
    });
    // No http client: a complete payload needs no API call.
    const draft = await collect(createTestContext({ env }));
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation).toEqual({
      BuildEnvironment: "GitHub Actions",
      BuildNumber: "57",
      BuildUrl: "https://github.com/Codertocat/Hello-World/actions/runs/9512388204",
      Branch: "master",
      VcsType: "Git",
      VcsRoot: "https://github.com/Codertocat/Hello-World",
      VcsCommitNumber: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
      Commits: [{ Id: "6113728f27ae82c7b1a177c8d03f9e96e0adf246", Comment: "Initial commit" }],
    });
    expect(draft.sources).toMatchObject({
      branch: "GITHUB_REF",
      buildNumber: "GITHUB_RUN_NUMBER",
      commits: "GITHUB_EVENT_PATH commits[]",
      vcsCommitNumber: "GITHUB_SHA",
    });
  });

  it("lists an ordinary push's payload commits newest first, full messages", async () => {
    const payload = webhookExample<PushPayload>("push", (p) => p.ref === "refs/heads/master");
    const first = payload.commits[0]!;
    const second = {
      ...first,
      id: "7638417db6d59f3c431d3e1f261cc637155684cd",
      message: "HW-2 greet the world\n\nWith a body.\nCloses #3",
    };
    Object.assign(payload, {
      before: "5a1c4f0e8e0bd2a5b4b3f8a6c1d0e9f8a7b6c5d4",
      created: false,
      after: second.id,
      commits: [first, second],
    });
    const env = githubEnv({
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: await eventFile(payload),
      GITHUB_REF: "refs/heads/master",
      GITHUB_SHA: second.id,
    });
    const { buildInformation } = normalizeDraft(await collect(createTestContext({ env })));
    expect(buildInformation.Commits).toEqual([
      { Id: second.id, Comment: "HW-2 greet the world\n\nWith a body.\nCloses #3" },
      { Id: first.id, Comment: "Initial commit" },
    ]);
  });

  it(`reads a push of ${PUSH_PAYLOAD_COMMIT_LIMIT} or more commits (maybe cut) from the compare API`, async () => {
    const commits = fakeCommits(37);
    const before = "5a1c4f0e8e0bd2a5b4b3f8a6c1d0e9f8a7b6c5d4";
    const head = commits.at(-1)!.sha;
    const { api, http, apiEnv } = await fakeGitHub({ token: "ghs_pushToken", base: before, head, commits });
    const payload = webhookExample<PushPayload>("push", (p) => p.ref === "refs/heads/master");
    Object.assign(payload, {
      before,
      after: head,
      created: false,
      commits: commits
        .slice(-PUSH_PAYLOAD_COMMIT_LIMIT)
        .map((c) => ({ ...payload.commits[0], id: c.sha, message: c.message })),
    });
    const env = githubEnv({
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: await eventFile(payload),
      GITHUB_REF: "refs/heads/master",
      GITHUB_SHA: head,
      ...apiEnv,
    });
    const draft = await collect(createTestContext({ env, http }));
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation.Commits.map((c) => c.Id)).toEqual(commits.map((c) => c.sha).reverse());
    expect(buildInformation.Commits[0]!.Comment).toBe(commits.at(-1)!.message);
    expect(draft.sources?.commits).toBe("GitHub compare API before...after");
    expect(api.requests.map((r) => r.path)).toEqual([
      `/api/v3/repos/Codertocat/Hello-World/compare/${before}...${head}`,
    ]);
  });

  it("reads a forced push from the compare API", async () => {
    const commits = fakeCommits(2);
    const before = "5a1c4f0e8e0bd2a5b4b3f8a6c1d0e9f8a7b6c5d4";
    const head = commits.at(-1)!.sha;
    const { http, apiEnv } = await fakeGitHub({ token: "ghs_t", base: before, head, commits });
    const payload = webhookExample<PushPayload>("push", (p) => p.ref === "refs/heads/master");
    Object.assign(payload, { before, after: head, created: false, forced: true });
    const env = githubEnv({
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: await eventFile(payload),
      GITHUB_REF: "refs/heads/master",
      GITHUB_SHA: head,
      ...apiEnv,
    });
    const draft = await collect(createTestContext({ env, http }));
    expect(draft.commits?.map((c) => c.id)).toEqual([commits[1]!.sha, commits[0]!.sha]);
  });

  it("keeps a tag's full ref and reads the tagged commit from the commits API", async () => {
    const payload = webhookExample<PushPayload>(
      "push",
      (p) => p.ref === "refs/tags/simple-tag" && p.created === true,
    );
    const { api, http, apiEnv } = await fakeGitHub({
      token: "ghs_tagToken",
      base: "",
      head: payload.after,
      commits: [{ sha: payload.after, message: "Initial commit\n\nRelease notes body." }],
    });
    const env = githubEnv({
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: await eventFile(payload),
      GITHUB_REF: payload.ref,
      GITHUB_REF_NAME: "simple-tag",
      GITHUB_REF_TYPE: "tag",
      GITHUB_SHA: payload.after,
      ...apiEnv,
    });
    const { buildInformation } = normalizeDraft(await collect(createTestContext({ env, http })));
    expect(buildInformation.Branch).toBe("refs/tags/simple-tag");
    expect(buildInformation.Commits).toEqual([
      { Id: payload.after, Comment: "Initial commit\n\nRelease notes body." },
    ]);
    expect(api.requests.map((r) => r.path)).toEqual([
      `/api/v3/repos/Codertocat/Hello-World/commits/${payload.after}`,
    ]);
  });

  it("is detected by GITHUB_ACTIONS=true only", () => {
    expect(isDetected(manifest, githubEnv({}))).toBe(true);
    expect(isDetected(manifest, { CI: "true" })).toBe(false);
  });
});
