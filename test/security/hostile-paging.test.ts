import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectBuildInformation } from "@buildinfo/collect";
import { defaultCollectionLimits } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTeamCityProperties } from "../../adapters/teamcity/test/teamcity-fixtures";
import { type MeasuredRun, runCliMeasured } from "../support/run-cli-measured";

/** A build-server API that never stops: `answer` writes each response; the requests are counted. */
interface HostileApi {
  url: string;
  requests: number;
  close(): Promise<void>;
}

async function startHostileApi(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer((request, response) => {
    api.requests += 1;
    request.resume();
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const api: HostileApi = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

const json = (response: ServerResponse, body: string, headers: Record<string, string> = {}) => {
  response.writeHead(200, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(body);
};

/** Forty hex digits naming a page and an item, so the order that was kept can be checked. */
const sha = (page: number, item: number) =>
  `${page.toString(16).padStart(20, "0")}${item.toString(16).padStart(20, "0")}`;

/** 100 items whose messages make a page of about 30 MiB: under the 32 MiB per answer, so each is read. */
const hugeMessage = "x".repeat(300 * 1024);
const huge = (item: (index: number) => string) =>
  Array.from({ length: 100 }, (_, index) => item(index)).join(",");

/**
 * The memory one collection may take: the Node process with the CLI (about 65 MiB), and four times what
 * the budget lets it read — the answers as read and parsed, the commits kept, the normalised commits and
 * the JSON written (30 MiB pages peak at about 410 MiB). Before the budget the same servers took the
 * process past 4 GB (here: past V8's heap limit, a crash).
 */
const memoryBound = 100 * 1024 * 1024 + 4 * defaultCollectionLimits.bytes;

const cut = (limit: string) =>
  new RegExp(
    `Stopped reading http://127\\.0\\.0\\.1:\\d+/[^ ]*: this collection reached its limit of ${limit} from the build server's API\\. The build information is incomplete`,
  );
const cappedAtCommits = /Kept the newest 10000 of 10001 commits/;

describe("finding 2 (memory): a hostile build-server API ends within the collection's one budget", () => {
  let repo: TempGitRepo;
  let head: string;
  let eventDir: string;
  beforeAll(async () => {
    repo = await createTempGitRepo();
    head = repo.commit("the build's commit");
    eventDir = await mkdtemp(join(tmpdir(), "buildinfo-hostile-paging-"));
  });
  afterAll(async () => {
    await repo.cleanup();
    await rm(eventDir, { recursive: true, force: true });
  });

  async function collect(from: string, env: Record<string, string>): Promise<MeasuredRun> {
    const run = await runCliMeasured(["collect", "--from", from], {
      cwd: repo.dir,
      env,
      killAfterMs: 120_000,
      maxOldSpaceMiB: 1536,
    });
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(run.peakRssBytes, "the child reported its peak memory at exit").toBeDefined();
    expect(run.peakRssBytes!).toBeLessThan(memoryBound);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    return run;
  }

  const commitsOf = (run: MeasuredRun) => (JSON.parse(run.stdout) as { Commits: { Id: string }[] }).Commits;

  async function githubEnv(apiUrl: string) {
    const eventPath = join(eventDir, "pull-request.json");
    await writeFile(
      eventPath,
      JSON.stringify({
        pull_request: { number: 7, base: { sha: "b".repeat(40) }, head: { sha: head } },
      }),
    );
    return {
      GITHUB_ACTIONS: "true",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_API_URL: apiUrl,
      GITHUB_REPOSITORY: "acme/shop-web",
      GITHUB_RUN_ID: "1",
      GITHUB_RUN_NUMBER: "1",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: head,
      GITHUB_TOKEN: "gh-token",
    };
  }

  it("GitHub: a compare API whose total_commits lies and whose pages never end keeps the newest 10,000", async () => {
    const api = await startHostileApi((request, response) => {
      const page = Number(new URL(request.url ?? "/", "http://x").searchParams.get("page"));
      const commits = Array.from({ length: 100 }, (_, index) => ({
        sha: sha(page, index),
        commit: { message: `page ${page} commit ${index}` },
      }));
      json(response, JSON.stringify({ total_commits: 1_000_000_000, commits }));
    });
    try {
      const run = await collect("github-actions", await githubEnv(`${api.url}/api/v3`));
      expect(run.stderr).toMatch(cappedAtCommits);
      // The probe of page 1, then 101 pages from the one total_commits names, backwards.
      expect(api.requests).toBe(102);
      const commits = commitsOf(run);
      expect(commits).toHaveLength(10_000);
      // The compare API lists oldest first: the newest is the last commit of the last page.
      expect(commits[0]?.Id).toBe(sha(10_000_000, 99));
    } finally {
      await api.close();
    }
  });

  it("GitHub: endless pages of 30 MiB stop at the collection's bytes", async () => {
    const body = `{"total_commits":1000000000,"commits":[${huge((index) => JSON.stringify({ sha: sha(1, index), commit: { message: hugeMessage } }))}]}`;
    const api = await startHostileApi((_request, response) => json(response, body));
    try {
      const run = await collect("github-actions", await githubEnv(`${api.url}/api/v3`));
      expect(run.stderr).toMatch(cut("128 MiB of answers"));
      expect(api.requests).toBeLessThanOrEqual(6);
    } finally {
      await api.close();
    }
  });

  const azureEnv = (url: string) => ({
    TF_BUILD: "True",
    SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: `${url}/acme/`,
    SYSTEM_TEAMPROJECT: "Shop",
    BUILD_BUILDID: "7",
    BUILD_BUILDNUMBER: "20250106.1",
    BUILD_REPOSITORY_PROVIDER: "GitHub",
    BUILD_REPOSITORY_URI: "https://github.com/acme/shop-web.git",
    BUILD_SOURCEBRANCH: "refs/heads/main",
    BUILD_SOURCEVERSION: head,
    SYSTEM_ACCESSTOKEN: "job-token",
  });

  it("Azure DevOps: a continuation token that never ends, one change a page, stops at the collection's requests", async () => {
    const api = await startHostileApi((request, response) => {
      const token = Number(
        new URL(request.url ?? "/", "http://x").searchParams.get("continuationToken") ?? 0,
      );
      json(
        response,
        JSON.stringify({ count: 1, value: [{ id: sha(token, 0), message: `change ${token}` }] }),
        {
          "x-ms-continuationtoken": String(token + 1),
        },
      );
    });
    try {
      const run = await collect("azure-devops", azureEnv(api.url));
      expect(run.stderr).toMatch(cut("1000 requests"));
      expect(api.requests).toBe(defaultCollectionLimits.requests);
      expect(commitsOf(run)).toHaveLength(1000);
    } finally {
      await api.close();
    }
  });

  it("Azure DevOps: endless pages of 30 MiB stop at the collection's bytes", async () => {
    const body = `{"count":100,"value":[${huge((index) => JSON.stringify({ id: sha(1, index), message: hugeMessage }))}]}`;
    let token = 0;
    const api = await startHostileApi((_request, response) =>
      json(response, body, { "x-ms-continuationtoken": String(++token) }),
    );
    try {
      const run = await collect("azure-devops", azureEnv(api.url));
      expect(run.stderr).toMatch(cut("128 MiB of answers"));
      expect(api.requests).toBeLessThanOrEqual(6);
    } finally {
      await api.close();
    }
  });

  async function teamCityEnv(url: string, cleanups: (() => Promise<void>)[]) {
    const files = await writeTeamCityProperties(
      { "teamcity.build.id": "70311", "teamcity.auth.userId": "u", "teamcity.auth.password": "p" },
      {
        "teamcity.serverUrl": url,
        "vcsroot.Shop_Git.url": "https://github.com/acme/shop-web.git",
        "vcsroot.Shop_Git.vcsName": "jetbrains.git",
        "build.vcs.number.Shop_Git": head,
      },
    );
    cleanups.push(files.cleanup);
    return {
      TEAMCITY_VERSION: "2024.03",
      TEAMCITY_BUILD_PROPERTIES_FILE: files.buildFile,
      BUILD_NUMBER: "7",
    };
  }

  it("TeamCity: a nextHref on its own origin that never ends stops at the commit cap, then at the requests", async () => {
    const cleanups: (() => Promise<void>)[] = [];
    let perPage = 1000;
    const api = await startHostileApi((request, response) => {
      const start = Number(/start:(\d+)/.exec(request.url ?? "")?.[1] ?? 0);
      const change = Array.from({ length: perPage }, (_, index) => ({
        id: start + index,
        version: sha(start, index),
        comment: `change ${start + index}`,
      }));
      const nextHref = `/httpAuth/app/rest/changes?locator=build:(id:70311),count:1000,start:${start + perPage}`;
      json(response, JSON.stringify({ count: perPage, nextHref, change }));
    });
    try {
      const env = await teamCityEnv(api.url, cleanups);
      const full = await collect("teamcity", env);
      expect(full.stderr).toMatch(cappedAtCommits);
      expect(api.requests).toBe(11);
      perPage = 1;
      api.requests = 0;
      const trickle = await collect("teamcity", env);
      expect(trickle.stderr).toMatch(cut("1000 requests"));
      expect(api.requests).toBe(defaultCollectionLimits.requests);
    } finally {
      await api.close();
      for (const cleanup of cleanups) await cleanup();
    }
  });

  it("TeamCity: endless pages of 30 MiB stop at the collection's bytes", async () => {
    const cleanups: (() => Promise<void>)[] = [];
    const changes = huge((index) =>
      JSON.stringify({ id: index, version: sha(1, index), comment: hugeMessage }),
    );
    let start = 0;
    const api = await startHostileApi((_request, response) => {
      start += 100;
      const nextHref = `/httpAuth/app/rest/changes?locator=build:(id:70311),count:1000,start:${start}`;
      json(response, `{"count":100,"nextHref":${JSON.stringify(nextHref)},"change":[${changes}]}`);
    });
    try {
      const run = await collect("teamcity", await teamCityEnv(api.url, cleanups));
      expect(run.stderr).toMatch(cut("128 MiB of answers"));
      expect(api.requests).toBeLessThanOrEqual(6);
    } finally {
      await api.close();
      for (const cleanup of cleanups) await cleanup();
    }
  });

  it("Jenkins: 50 failed runs before this one, each answering 30 MiB, stop at the collection's bytes", async () => {
    const items = huge((index) =>
      JSON.stringify({ commitId: sha(1, index), comment: hugeMessage, timestamp: index }),
    );
    const run = `{"changeSets":[{"kind":"git","items":[${items}]}],"actions":[]}`;
    const api = await startHostileApi((request, response) => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      if (path === "/job/shop/api/json") json(response, '{"lastSuccessfulBuild":null}');
      else json(response, run);
    });
    try {
      const result = await collect("jenkins", {
        JENKINS_URL: `${api.url}/`,
        JOB_URL: `${api.url}/job/shop/`,
        BUILD_URL: `${api.url}/job/shop/60/`,
        JOB_NAME: "shop",
        BUILD_NUMBER: "60",
        GIT_COMMIT: head,
        GIT_URL: "https://github.com/acme/shop-web.git",
      });
      expect(result.stderr).toMatch(cut("128 MiB of answers"));
      // The build, the job, and the runs the budget let through (a few in flight at once).
      // The build, the job, then the runs the bytes admit and the four in flight when they ran out.
      expect(api.requests).toBeLessThanOrEqual(2 + Math.ceil((128 - 30) / 30) + 4);
    } finally {
      await api.close();
    }
  });

  it("the collection's deadline ends a server that trickles pages and bodies forever; --strict fails instead", async () => {
    let pages = 0;
    const api = await startHostileApi((request, response) => {
      pages += 1;
      const token = Number(
        new URL(request.url ?? "/", "http://x").searchParams.get("continuationToken") ?? 0,
      );
      const head = `{"count":1,"value":[{"id":"${sha(token, 0)}","message":"change ${token}"}`;
      response.writeHead(200, {
        "content-type": "application/json",
        "x-ms-continuationtoken": String(token + 1),
      });
      // The first pages end; then one whose body never does, a byte at a time.
      if (pages < 3) return void response.end(`${head}]}`);
      response.write(head);
      const drip = setInterval(() => response.write(" "), 50);
      response.on("close", () => clearInterval(drip));
    });
    const http = createHttpClient({ env: {} });
    try {
      const options = {
        adapter: "azure-devops",
        env: azureEnv(api.url),
        cwd: repo.dir,
        http,
        limits: { durationMs: 2000 },
      };
      const { incomplete, buildInformation } = await collectBuildInformation(options);
      expect(incomplete).toEqual([
        expect.objectContaining({
          code: "E_COLLECTION_LIMIT",
          reason: expect.stringMatching(
            /this collection reached its limit of 2 s from the build server's API/,
          ),
        }),
      ]);
      // The pages that ended are kept.
      expect(buildInformation.Commits.map((commit) => commit.Id)).toEqual([sha(0, 0), sha(1, 0)]);
      await expect(collectBuildInformation({ ...options, strict: true })).rejects.toMatchObject({
        code: "E_COLLECTION_LIMIT",
      });
    } finally {
      await http.close();
      await api.close();
    }
  });
});
