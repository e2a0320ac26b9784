import { createTestContext } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { manifest } from "../src/manifest";
import { fakeCommits, fakeGitHubIn } from "./support/fake-github-api";
import { githubEnv } from "./support/github-env";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
const fakeGitHub = fakeGitHubIn(cleanups);

const deployed = "a".repeat(40);
const head = "b".repeat(40);

async function readRange(options: { comparison?: "diverged"; status?: number; token?: boolean } = {}) {
  const commits = fakeCommits(3);
  const { api, http, apiEnv } = await fakeGitHub({
    token: "ghs_rangeToken",
    base: deployed,
    head,
    commits,
    ...options,
  });
  const env = githubEnv(options.token === false ? { GITHUB_SHA: head } : { ...apiEnv, GITHUB_SHA: head });
  const context = createTestContext({ env, http });
  const read = await manifest.loadRangeReader!();
  return { reading: await read(context, { from: deployed, to: head }), api, commits, context };
}

describe("the GitHub Actions range reader", () => {
  it("reads from..to through the compare API, newest first", async () => {
    const { reading, api, commits } = await readRange();
    expect(reading).toEqual({
      status: "read",
      source: `GitHub compare API ${deployed}...${head}`,
      commits: [...commits].reverse().map((commit) => ({ id: commit.sha, comment: commit.message })),
    });
    expect(api.requests.map((request) => request.path)).toEqual([
      `/api/v3/repos/Codertocat/Hello-World/compare/${deployed}...${head}`,
    ]);
  });

  it("says when the deployed commit is not an ancestor (a diverged comparison)", async () => {
    const { reading } = await readRange({ comparison: "diverged" });
    expect(reading).toEqual({ status: "not-ancestor", source: `GitHub compare API ${deployed}...${head}` });
  });

  it("leaves the range to the checkout without a token, or when the API fails", async () => {
    expect((await readRange({ token: false })).reading).toBeUndefined();
    const failed = await readRange({ status: 404 });
    expect(failed.reading).toBeUndefined();
  });
});
