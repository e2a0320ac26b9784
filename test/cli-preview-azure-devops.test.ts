// `buildinfo preview` reading an Azure DevOps build's work items as Octopus's Azure DevOps tracker reads
// them (AdoApiClient.cs, HttpJsonClient.cs at the commit docs/reference/octopus-work-items.md pins): the
// real CLI against a loopback Azure DevOps. What is expected is Octopus's behaviour as that page restates
// it: the requests, `Authorization: Basic base64(":" + PAT)`, the link `{project}/_workitems?_a=edit&id=N`,
// and the description (the last comment with the prefix, else the title, else the id).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { type FakeApi, type FakeApiRequest, type FakeApiResponse, startFakeApi } from "@buildinfo/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { releaseResources } from "./support/octopus-release-resources";

const PAT = "azdo-pat-7f3e9c21b8d04a56";
const project = "/acme/Shop";
const workItems = `${project}/_apis/wit/workitems`;

/** Build 7 of project Shop links work items 12 to 16; each answer is Azure DevOps's shape. */
const answers: Record<string, FakeApiResponse> = {
  [`${project}/_apis/build/builds/7/workitems`]: {
    body: { count: 5, value: ["12", "13", "14", "15", "16"].map((id) => ({ id, url: `x/${id}` })) },
  },
  [`${workItems}/12`]: {
    body: { id: 12, fields: { "System.Title": "Gift cards fail", "System.CommentCount": 3 } },
  },
  [`${workItems}/12/comments`]: {
    body: {
      totalCount: 3,
      comments: [
        { text: "<div>Release note: an older note</div>" },
        { text: "<p>release NOTE: Checkout takes gift cards</p>" },
        { text: "<div>Fixed in build 7</div>" },
      ],
    },
  },
  [`${workItems}/13`]: {
    body: { id: 13, fields: { "System.Title": "Faster search", "System.CommentCount": 0 } },
  },
  [`${workItems}/14`]: { body: { id: 14, fields: { "System.Title": " ", "System.CommentCount": 0 } } },
  // 15 was deleted: Octopus describes it by its id.
  [`${workItems}/16`]: {
    body: { id: 16, fields: { "System.Title": "Basket totals", "System.CommentCount": 1 } },
  },
  [`${workItems}/16/comments`]: { body: { totalCount: 1, comments: [{ text: "<p>Looks good</p>" }] } },
};

let azure: FakeApi;
/** Overrides of the answers, by path, for one test. */
let faults: Record<string, FakeApiResponse | "hang"> = {};
let scratch: string;

beforeAll(async () => {
  azure = await startFakeApi((request: FakeApiRequest) => {
    const fault = faults[request.path];
    if (fault === "hang") return new Promise<FakeApiResponse>(() => {});
    return fault ?? answers[request.path] ?? { status: 404, body: { message: `no ${request.path}` } };
  });
  scratch = mkdtempSync(join(tmpdir(), "buildinfo-preview-azure-"));
});
afterAll(async () => {
  await azure.close();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(() => {
  faults = {};
  azure.requests.length = 0;
});

/** A build record as the Azure DevOps adapter writes it, with its `BuildUrl` at `buildUrl`. */
function buildFile(buildUrl: string, buildEnvironment = "Azure DevOps"): string {
  const file = join(scratch, `build-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      BuildEnvironment: buildEnvironment,
      BuildNumber: "57",
      BuildUrl: buildUrl,
      VcsType: "Git",
      VcsRoot: "https://dev.azure.com/acme/Shop/_git/shop",
      VcsCommitNumber: "4f1c2b3a",
      Commits: [{ Id: "4f1c2b3a", Comment: "Take gift cards AB#12" }],
    }),
  );
  return file;
}

const buildUrl = () => `${azure.url}${project}/_build/results?buildId=7`;
const preview = (file: string, args: string[], env: Record<string, string> = {}) =>
  runCli(["preview", "--package-id", "Acme.Web", "--version", "1.2.3", "--file", file, ...args], {
    cwd: scratch,
    env,
  });
const withToken = () => ["--azure-devops-base-url", `${azure.url}/acme`, "--azure-devops-pat", PAT];
const paths = () => azure.requests.map((request) => request.path);
const notes = (stdout: string) =>
  (JSON.parse(stdout).diagnostics as { message: string }[]).map((diagnostic) => diagnostic.message);

describe("buildinfo preview of an Azure DevOps build", () => {
  it("lists the build's work items with Octopus's links and descriptions, read with the token as Octopus sends it", async () => {
    const result = await preview(buildFile(buildUrl()), [
      ...withToken(),
      "--azure-devops-release-note-prefix",
      "Release note:",
      "--format",
      "json",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const items = JSON.parse(result.stdout).packages[0].workItems;
    const link = (id: number) => `${azure.url}${project}/_workitems?_a=edit&id=${id}`;
    expect(items.map((item: Record<string, unknown>) => [item.id, item.linkUrl, item.description])).toEqual([
      ["12", link(12), "Checkout takes gift cards"],
      ["13", link(13), "Faster search"],
      ["14", link(14), "14"],
      ["15", link(15), "15"],
      ["16", link(16), "Basket totals"],
    ]);
    expect(items.every((item: Record<string, unknown>) => item.status === "linked")).toBe(true);
    expect(items.every((item: Record<string, unknown>) => item.source === "Azure DevOps")).toBe(true);
    // Comments only where the item has some (13 and 14 have none).
    expect(paths().sort()).toEqual(
      [
        `${project}/_apis/build/builds/7/workitems`,
        ...[12, 13, 14, 15, 16].map((id) => `${workItems}/${id}`),
        `${workItems}/12/comments`,
        `${workItems}/16/comments`,
      ].sort(),
    );
    const basic = `Basic ${Buffer.from(`:${PAT}`).toString("base64")}`;
    for (const request of azure.requests) {
      expect(request.headers.authorization).toBe(basic);
      expect(request.headers.accept).toBe("application/json");
      const version = request.path.endsWith("/comments") ? "4.1-preview.2" : "4.1";
      expect(request.query.get("api-version")).toBe(version);
    }
    expect(result.stdout + result.stderr).not.toContain(PAT);
    expect(result.stdout + result.stderr).not.toContain(Buffer.from(`:${PAT}`).toString("base64"));
  });

  it("describes by title without a Release Note Prefix, and asks for no comments", async () => {
    const result = await preview(buildFile(buildUrl()), withToken());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        String.raw`linked +Azure DevOps +12 +${azure.url}/acme/Shop/_workitems\?_a=edit&id=12\n +description: Gift cards fail\n`,
      ),
    );
    expect(result.stdout).toMatch(/linked +Azure DevOps +15 +\S+id=15\n +linked/);
    expect(paths().filter((path) => path.endsWith("/comments"))).toEqual([]);
  });

  it("takes the token from BUILDINFO_AZURE_DEVOPS_PAT or the pipeline's SYSTEM_ACCESSTOKEN", async () => {
    for (const name of ["BUILDINFO_AZURE_DEVOPS_PAT", "SYSTEM_ACCESSTOKEN"]) {
      azure.requests.length = 0;
      const result = await preview(buildFile(buildUrl()), ["--azure-devops-base-url", `${azure.url}/acme`], {
        [name]: PAT,
      });
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain("Work items (5):");
      expect(azure.requests[0]?.headers.authorization).toBe(
        `Basic ${Buffer.from(`:${PAT}`).toString("base64")}`,
      );
    }
  });

  it("says what failed and exits 0 when Azure DevOps refuses, has no such build, or does not answer", async () => {
    const refs = `${project}/_apis/build/builds/7/workitems`;
    faults = { [refs]: { status: 401, body: { message: `TF400813: not authorized (${PAT})` } } };
    const refused = await preview(buildFile(buildUrl()), [...withToken(), "--format", "json", "--debug"]);
    expect(refused.code, refused.stderr).toBe(0);
    expect(JSON.parse(refused.stdout).packages[0].workItems).toEqual([]);
    expect(notes(refused.stdout)).toContainEqual(
      `Reading the work items of build 7 from Azure DevOps: GET ${azure.url}${refs}?api-version=4.1 answered HTTP 401 (the token must be authorised to read the scopes Build, Work Items and Project and Team); no Azure DevOps work items are shown (Octopus lists none when its read fails).`,
    );
    expect(refused.stdout + refused.stderr).not.toContain(PAT);

    // Azure DevOps's sign-in page for a token it refuses: a failure for Octopus, not an empty list.
    faults = {
      [refs]: { status: 203, headers: { "content-type": "text/html" }, body: "<html>Sign in</html>" },
    };
    const signIn = await preview(buildFile(buildUrl()), [...withToken(), "--format", "json"]);
    expect(signIn.code, signIn.stderr).toBe(0);
    expect(notes(signIn.stdout)).toContainEqual(
      expect.stringContaining(
        `?api-version=4.1 answered with a sign-in page (HTTP 203); no Azure DevOps work items are shown`,
      ),
    );

    // A deleted build: Octopus lists none, and that is no failure.
    faults = { [refs]: { status: 404, body: { message: "no build" } } };
    const gone = await preview(buildFile(buildUrl()), [...withToken(), "--format", "json"]);
    expect(gone.code, gone.stderr).toBe(0);
    expect(notes(gone.stdout)).toContainEqual("Azure DevOps links no work items to build 7.");

    // One item refused: listed, described by its id, as Octopus does.
    faults = { [`${workItems}/13`]: { status: 403, body: { message: "denied" } } };
    const partly = await preview(buildFile(buildUrl()), [...withToken(), "--format", "json"]);
    expect(partly.code, partly.stderr).toBe(0);
    const thirteen = JSON.parse(partly.stdout).packages[0].workItems[1];
    expect([thirteen.id, thirteen.description]).toEqual(["13", "13"]);
    expect(notes(partly.stdout)).toContainEqual(
      expect.stringMatching(
        /^Reading work item 13 from Azure DevOps: GET .*\/13\?api-version=4\.1 answered HTTP 403 /,
      ),
    );

    faults = { [refs]: "hang" };
    const started = Date.now();
    const hung = await preview(buildFile(buildUrl()), [
      ...withToken(),
      "--build-server-timeout",
      "1s",
      "--format",
      "json",
    ]);
    expect(hung.code, hung.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(notes(hung.stdout)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Reading the work items of build 7 from Azure DevOps: GET ${azure.url}${refs}\\?api-version=4\\.1 failed: .*no Azure DevOps work items are shown`,
        ),
      ),
    );
    expect(hung.stdout + hung.stderr).not.toMatch(/\n\s+at /);
  });

  it("sends no request, and so no token, for a BuildUrl outside --azure-devops-base-url", async () => {
    const elsewhere = await startFakeApi(() => ({ body: { value: [{ id: 1 }] } }));
    try {
      for (const url of [
        `${elsewhere.url}${project}/_build/results?buildId=7`, // another origin
        `${azure.url}/other/Shop/_build/results?buildId=7`, // another organisation on the same origin
      ]) {
        const result = await preview(buildFile(url), [...withToken(), "--format", "json"]);
        expect(result.code, result.stderr).toBe(0);
        expect(JSON.parse(result.stdout).packages[0].workItems).toEqual([]);
        expect(notes(result.stdout)).toContainEqual(
          expect.stringContaining("is under no Azure DevOps connection"),
        );
      }
      expect(elsewhere.requests).toEqual([]);
      expect(azure.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it("reads nothing for a build Azure DevOps did not run, or without a token", async () => {
    const github = await preview(buildFile(buildUrl(), "GitHub Actions"), withToken());
    expect(github.code, github.stderr).toBe(0);
    expect(github.stdout).toContain("not linked   Azure DevOps  12  (no link)");
    const noToken = await preview(buildFile(buildUrl()), ["--azure-devops-base-url", `${azure.url}/acme`]);
    expect(noToken.code, noToken.stderr).toBe(0);
    expect(noToken.stdout).toContain("Work items (0):");
    expect(noToken.stdout).toContain("the preview reads them only with a token: pass --azure-devops-pat");
    expect(azure.requests).toEqual([]);
  });
});

describe("buildinfo preview of an Azure DevOps build, trackers from the server", () => {
  let server: LocalOctopusServer;

  beforeAll(async () => {
    server = await startOctopusServer({
      beforeRequest: releaseResources({
        configuration: {
          "issuetracker-azuredevops-v2": {
            IsEnabled: true,
            Connections: [
              {
                BaseUrl: "https://dev.azure.com/acme",
                PersonalAccessToken: { HasValue: true },
                ReleaseNoteOptions: {},
              },
            ],
          },
        },
      }),
    });
  });
  afterAll(() => server.close());

  it("says that Octopus's token cannot be read and how to give one, and reads nothing", async () => {
    const result = await preview(buildFile(buildUrl()), ["--format", "json"], {
      OCTOPUS_URL: server.url,
      OCTOPUS_API_KEY: server.apiKey,
      BUILDINFO_AZURE_DEVOPS_PAT: PAT,
    });
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.trackers).toMatchObject({ from: "server", azureDevOps: true });
    expect(notes(result.stdout)).toContainEqual(
      expect.stringContaining("with its connection's personal access token, which its API never returns"),
    );
    expect(azure.requests).toEqual([]);
  });
});
