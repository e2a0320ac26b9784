import { normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createTempGitRepo, createTestContext } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { collect } from "../src/collector";
import { COMPARE_PAGE_SIZE } from "../src/compare-commits";
import { fakeCommits, fakeGitHubIn } from "./support/fake-github-api";
import { githubEnv } from "./support/github-env";
import { eventFileIn, webhookExample } from "./support/webhook-examples";

interface PullRequestPayload {
  number: number;
  pull_request: { head: { sha: string; ref: string }; base: { sha: string; ref: string } };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const eventFile = eventFileIn(cleanups);
const fakeGitHub = fakeGitHubIn(cleanups);

function pullRequestEnv(payloadPath: string, pr: PullRequestPayload, extra: Record<string, string> = {}) {
  return githubEnv({
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: payloadPath,
    GITHUB_REF: `refs/pull/${pr.number}/merge`,
    GITHUB_REF_NAME: `${pr.number}/merge`,
    GITHUB_HEAD_REF: pr.pull_request.head.ref,
    GITHUB_BASE_REF: pr.pull_request.base.ref,
    // The merge commit of refs/pull/N/merge, which is what the job checked out and built.
    GITHUB_SHA: "9f0d3ab2c4e1d6f7a8b9c0d1e2f3a4b5c6d7e8f9",
    ...extra,
  });
}

describe("pull_request runs", () => {
  it("reads every commit of the pull request from the paged compare API", async () => {
    const pr = webhookExample<PullRequestPayload>("pull_request", (p) => p.action === "opened");
    const commits = fakeCommits(COMPARE_PAGE_SIZE + 30);
    const { base, head } = pr.pull_request;
    const { api, http, apiEnv } = await fakeGitHub({
      token: "ghs_prToken",
      base: base.sha,
      head: head.sha,
      commits,
    });
    const env = pullRequestEnv(await eventFile(pr), pr, apiEnv);

    const context = createTestContext({ env, http });
    const draft = await collect(context);
    const { buildInformation } = normalizeDraft(draft);

    expect(buildInformation.Branch).toBe("changes");
    expect(draft.sources?.branch).toBe("GITHUB_HEAD_REF");
    expect(buildInformation.VcsCommitNumber).toBe("9f0d3ab2c4e1d6f7a8b9c0d1e2f3a4b5c6d7e8f9");
    expect(buildInformation.Commits).toHaveLength(COMPARE_PAGE_SIZE + 30);
    expect(buildInformation.Commits[0]).toEqual({
      Id: commits.at(-1)!.sha,
      Comment: commits.at(-1)!.message,
    });
    expect(buildInformation.Commits.at(-1)).toEqual({ Id: commits[0]!.sha, Comment: commits[0]!.message });
    expect(api.requests.map((r) => [r.path, r.query.get("per_page"), r.query.get("page")])).toEqual([
      [`/api/v3/repos/Codertocat/Hello-World/compare/${base.sha}...${head.sha}`, "100", "1"],
      [`/api/v3/repos/Codertocat/Hello-World/compare/${base.sha}...${head.sha}`, "100", "2"],
    ]);
    expect(api.requests[0]!.headers.accept).toBe("application/vnd.github+json");
    expect(draft.warnings).toBeUndefined();
    expect(JSON.stringify(draft)).not.toContain("ghs_prToken");
  });

  it("falls back to the checkout's base..head range without a token", async () => {
    const repo = await createTempGitRepo({
      commits: [
        { message: "Initial commit" },
        { message: "HW-1 add greeting" },
        { message: "HW-2 greet in French\n\nBonjour.\nCloses #2" },
        { message: "HW-3 greet in German" },
      ],
    });
    cleanups.push(repo.cleanup);
    const pr = webhookExample<PullRequestPayload>("pull_request", (p) => p.action === "opened");
    pr.pull_request.base.sha = repo.shas[1]!;
    pr.pull_request.head.sha = repo.shas[3]!;
    const env = pullRequestEnv(await eventFile(pr), pr, { GITHUB_SHA: repo.shas[3]! });
    const git = createGitRunner(repo.dir);

    const draft = await collect(createTestContext({ env, git }));
    expect(draft.commitRange).toMatchObject({ from: repo.shas[1], to: repo.shas[3] });
    expect(draft.warnings?.[0]).toMatch(/No GITHUB_TOKEN/);
    const { buildInformation } = normalizeDraft(await resolveDraftCommits(draft, git));
    expect(buildInformation.Commits).toEqual([
      { Id: repo.shas[3], Comment: "HW-3 greet in German" },
      { Id: repo.shas[2], Comment: "HW-2 greet in French\n\nBonjour.\nCloses #2" },
    ]);
  });

  it("falls back to the checkout when the compare API refuses, with the reason as a warning", async () => {
    const repo = await createTempGitRepo({
      commits: [{ message: "Initial commit" }, { message: "HW-9 fix" }],
    });
    cleanups.push(repo.cleanup);
    const pr = webhookExample<PullRequestPayload>("pull_request", (p) => p.action === "opened");
    pr.pull_request.base.sha = repo.shas[0]!;
    pr.pull_request.head.sha = repo.shas[1]!;
    const { http, apiEnv } = await fakeGitHub({
      token: "ghs_t",
      base: "",
      head: "",
      commits: [],
      status: 404,
    });
    const env = pullRequestEnv(await eventFile(pr), pr, apiEnv);
    const git = createGitRunner(repo.dir);

    const context = createTestContext({ env, http, git });
    const draft = await collect(context);
    expect(context.failedReads[0]?.error.message).toMatch(/HTTP 404/);
    expect(context.failedReads[0]?.read.fix).toMatch(/GITHUB_TOKEN/);
    const resolved = await resolveDraftCommits(draft, git);
    expect(resolved.commits).toEqual([{ id: repo.shas[1], comment: "HW-9 fix" }]);
  });
});

describe("a new branch (before is all zeros)", () => {
  it("compares the default branch with the pushed head", async () => {
    const payload = webhookExample<Record<string, unknown>>("push", (p) => p.ref === "refs/heads/master");
    const commits = fakeCommits(3);
    const head = commits.at(-1)!.sha;
    Object.assign(payload, { ref: "refs/heads/feature/HW-7-wave", after: head, commits: [] });
    const { api, http, apiEnv } = await fakeGitHub({ token: "ghs_nb", base: "master", head, commits });
    const env = githubEnv({
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: await eventFile(payload),
      GITHUB_REF: "refs/heads/feature/HW-7-wave",
      GITHUB_REF_NAME: "feature/HW-7-wave",
      GITHUB_SHA: head,
      ...apiEnv,
    });
    const draft = await collect(createTestContext({ env, http }));
    const { buildInformation } = normalizeDraft(draft);
    expect(buildInformation.Branch).toBe("feature/HW-7-wave");
    expect(buildInformation.Commits.map((c) => c.Id)).toEqual(commits.map((c) => c.sha).reverse());
    expect(draft.sources?.commits).toBe("GitHub compare API repository.default_branch...after");
    expect(api.requests[0]!.path).toBe(`/api/v3/repos/Codertocat/Hello-World/compare/master...${head}`);
  });

  it("reads origin/<default>..head from a full checkout without a token", async () => {
    const repo = await createTempGitRepo({
      commits: [{ message: "Initial commit" }, { message: "HW-1 base work" }],
      branch: "feature/HW-7-wave",
    });
    cleanups.push(repo.cleanup);
    repo.git(["update-ref", "refs/remotes/origin/main", repo.shas[1]!]);
    const head = repo.commit("HW-7 wave at the world\n\nFixes #7");
    const payload = webhookExample<Record<string, unknown>>("push", (p) => p.ref === "refs/heads/master");
    Object.assign(payload, {
      ref: "refs/heads/feature/HW-7-wave",
      after: head,
      commits: [],
      repository: { ...(payload.repository as object), default_branch: "main" },
    });
    const env = githubEnv({
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: await eventFile(payload),
      GITHUB_REF: "refs/heads/feature/HW-7-wave",
      GITHUB_SHA: head,
    });
    const git = createGitRunner(repo.dir);
    const draft = await collect(createTestContext({ env, git }));
    expect(draft.commitRange).toMatchObject({ from: "origin/main", to: head });
    const { buildInformation } = normalizeDraft(await resolveDraftCommits(draft, git));
    expect(buildInformation.Commits).toEqual([{ Id: head, Comment: "HW-7 wave at the world\n\nFixes #7" }]);
  });
});
