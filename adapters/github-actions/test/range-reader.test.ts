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

interface ReadOptions {
  comparison?: "diverged";
  status?: number;
  withToken?: boolean;
}

async function readRange({ withToken = true, ...api }: ReadOptions = {}) {
  const commits = fakeCommits(3);
  const fake = await fakeGitHub({ token: "ghs_rangeToken", base: deployed, head, commits, ...api });
  const env = githubEnv(withToken ? { ...fake.apiEnv, GITHUB_SHA: head } : { GITHUB_SHA: head });
  const context = createTestContext({ env, http: fake.http });
  const read = await manifest.loadRangeReader!();
  return { reading: await read(context, { from: deployed, to: head }), api: fake.api, commits };
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
    expect((await readRange({ withToken: false })).reading).toBeUndefined();
    expect((await readRange({ status: 404 })).reading).toBeUndefined();
  });
});
