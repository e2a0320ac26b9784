// End-to-end: the packaged GitHub Action (bundle/index.js with the CLI bundle in bundle/cli) run as the
// runner runs it — `node bundle/index.js`, inputs as INPUT_<NAME>, the GITHUB_*
// variables, a real push payload at GITHUB_EVENT_PATH, a real checkout as the workspace — against the
// local Octopus server.
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type FakeApi, startFakeApi, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubEnv } from "../../../adapters/github-actions/test/support/github-env";
import {
  type PushPayload,
  webhookExample,
} from "../../../adapters/github-actions/test/support/webhook-examples";
import { runNodeScript } from "../../../packages/cli/test/helpers/run-cli";
import { pushBodies, recordsOf } from "../../../test/support/wrappers/octopus-pushes";
import { packageWrapper } from "../../../test/support/wrappers/package-wrapper";

const wrapperDir = fileURLToPath(new URL("../", import.meta.url));
const apiKey = "API-GHACTIONE2ESECRETKEY00000000";
const githubToken = "ghs_actionE2eJobToken0000000000000000";

/** The real github.com push of `refs/heads/master` (Codertocat/Hello-World), made to describe `commits`. */
function pushPayload(
  before: string,
  commits: { Id: string; Comment: string }[],
  forced = false,
): PushPayload {
  const payload = webhookExample<PushPayload>("push", (example) => example.ref === "refs/heads/master");
  const template = payload.commits[0];
  const oldestFirst = [...commits].reverse();
  return Object.assign(payload, {
    before,
    after: commits[0]?.Id,
    created: false,
    forced,
    commits: oldestFirst.map((commit) => ({ ...template, id: commit.Id, message: commit.Comment })),
  });
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  output: string;
}

describe("the GitHub Action, packaged and run as the runner runs it", () => {
  let server: LocalOctopusServer;
  let githubApi: FakeApi;
  let repo: TempGitRepo;
  let dir: string;
  let runs = 0;
  let actionEntry: string;

  beforeAll(async () => {
    actionEntry = packageWrapper(wrapperDir, "bundle/index.js");
    dir = await mkdtemp(join(tmpdir(), "buildinfo-gha-e2e-"));
    server = await startOctopusServer({ apiKeys: [apiKey], persistPath: join(dir, "octopus.json") });
    // The compare API: an ordinary push needs none of it, so every request is a failure.
    githubApi = await startFakeApi(() => ({ status: 500, body: { message: "not expected" } }));
    repo = await createTempGitRepo({
      commits: [
        { message: "Initial commit" },
        { message: "HW-1 add the greeting\n\nWith a body line." },
        { message: "HW-2 greet the world" },
        { message: "HW-3 rewrite history" },
      ],
      remoteUrl: "https://github.com/Codertocat/Hello-World.git",
    });
  });

  afterAll(async () => {
    await server?.close();
    await githubApi?.close();
    await repo?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** One step run: a fresh event file, step summary and output file, as the runner gives each step. */
  async function runAction(payload: PushPayload, env: Record<string, string>): Promise<ActionRun> {
    runs += 1;
    const eventPath = join(dir, `event-${runs}.json`);
    const summaryPath = join(dir, `step-summary-${runs}.md`);
    const outputPath = join(dir, `output-${runs}.txt`);
    await writeFile(eventPath, JSON.stringify(payload));
    await writeFile(summaryPath, "");
    await writeFile(outputPath, "");
    const childEnv = githubEnv({
      GITHUB_API_URL: githubApi.url,
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: payload.ref,
      GITHUB_REF_NAME: "master",
      GITHUB_REF_TYPE: "branch",
      GITHUB_SHA: payload.after,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_OUTPUT: outputPath,
      RUNNER_TEMP: dir,
      INPUT_PACKAGES: "Acme.ShopWeb\nAcme.ShopApi\n",
      INPUT_SERVER: server.url,
      INPUT_API_KEY: apiKey,
      INPUT_GITHUB_TOKEN: githubToken,
      ...env,
    });
    const result = await runNodeScript(actionEntry, [], { cwd: repo.dir, env: childEnv });
    return {
      ...result,
      summary: readFileSync(summaryPath, "utf8"),
      output: readFileSync(outputPath, "utf8"),
    };
  }

  /** The API key is masked first thing, and never printed again (the runner masks only what follows). */
  function expectKeyMasked(run: ActionRun): void {
    const mask = `::add-mask::${apiKey}`;
    const lines = run.stdout.split("\n");
    expect(lines).toContain(mask);
    expect(lines.findIndex((line) => line.includes(apiKey))).toBe(lines.indexOf(mask));
    expect(run.stdout.split(apiKey)).toHaveLength(2);
    expect(run.stderr).not.toContain(apiKey);
    expect(`${run.stdout}${run.stderr}${run.summary}`).not.toContain(githubToken);
  }

  it("pushes the push's build information for every package and writes the job summary", async () => {
    const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`);
    expect(commits.map((commit) => commit.Id)).toEqual([repo.shas[2], repo.shas[1]]);
    const run = await runAction(pushPayload(repo.shas[0]!, commits), { INPUT_VERSION: "1.4.57" });

    expect(run.stderr).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    const expected = {
      SpaceId: "Spaces-1",
      Version: "1.4.57",
      BuildEnvironment: "GitHub Actions",
      BuildNumber: "57",
      BuildUrl: "https://github.com/Codertocat/Hello-World/actions/runs/9512388204",
      Branch: "master",
      VcsType: "Git",
      VcsRoot: "https://github.com/Codertocat/Hello-World",
      VcsCommitNumber: repo.shas[2],
      VcsCommitUrl: `https://github.com/Codertocat/Hello-World/commit/${repo.shas[2]}`,
    };
    const records = recordsOf(server, "1.4.57");
    expect(records).toMatchObject([
      { ...expected, PackageId: "Acme.ShopApi" },
      { ...expected, PackageId: "Acme.ShopWeb" },
    ]);
    for (const record of records) {
      expect(record.Commits.map(({ Id, Comment }) => ({ Id, Comment }))).toEqual(commits);
    }
    // A payload of an ordinary push is complete: no API call, and the token went nowhere.
    expect(githubApi.requests).toEqual([]);
    const push = server.requests.find((request) => request.method === "POST");
    expect(push?.headers["x-octopus-apikey"]).toBe(apiKey);
    expect(pushBodies(server).map((body) => body.OverwriteMode)).toEqual(["FailIfExists", "FailIfExists"]);

    expect(run.summary).toContain("### Octopus build information");
    expect(run.summary).toContain("| Package | Version | Result |");
    expect(run.summary).toMatch(/^\| \[Acme\.ShopWeb\]\(http[^)]+\) \| 1\.4\.57 \| created \|$/m);
    expect(run.summary).toMatch(/^\| \[Acme\.ShopApi\]\(http[^)]+\) \| 1\.4\.57 \| created \|$/m);
    expect(run.summary).toContain(
      "| Build | [57](https://github.com/Codertocat/Hello-World/actions/runs/9512388204) |",
    );
    expect(run.summary).toContain(`| Commit | \`${repo.shas[2]}\` |`);
    expect(run.summary).toContain("| Commits | 2 |");
    expect(run.summary).toContain(`- \`${repo.shas[1]!.slice(0, 12)}\` HW-1 add the greeting`);
    expect(run.summary).not.toContain("[!CAUTION]");
    // One line per package in the step log as its push ends, and the records as the `records` output.
    expect(run.stderr).toMatch(
      /^(\[buildinfo\] )?created +Acme\.ShopWeb 1\.4\.57 +BuildInformation-\d+ +http:\S+$/m,
    );
    expect(run.stderr).toMatch(
      /^(\[buildinfo\] )?created +Acme\.ShopApi 1\.4\.57 +BuildInformation-\d+ +http:\S+$/m,
    );
    expect(run.output).toMatch(/^records<<ghadelimiter_[\w-]+\n\[\{"packageId":"Acme\.Shop/m);
    expectKeyMasked(run);
  });

  it("fails a second push of the version with exit 1, ::error commands and a summary that says why", async () => {
    const before = recordsOf(server, "1.4.57");
    const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`);
    const run = await runAction(pushPayload(repo.shas[0]!, commits), { INPUT_VERSION: "1.4.57" });

    expect(run.code).toBe(1);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toMatch(/^::error title=buildinfo::Acme\.ShopWeb 1\.4\.57 was not pushed/m);
    expect(output).toMatch(/^::error title=buildinfo::Acme\.ShopApi 1\.4\.57 was not pushed/m);
    expect(recordsOf(server, "1.4.57")).toEqual(before);
    expect(run.summary).toContain("> [!CAUTION]");
    expect(run.summary).toContain("Pushing failed (exit 1)");
    expect(run.summary).toMatch(
      /^\| \S*Acme\.ShopWeb\S* \| 1\.4\.57 \| failed: [^\n]*already exists[^\n]*\|$/im,
    );
    expectKeyMasked(run);
  });

  it("lets a re-run (GITHUB_RUN_ATTEMPT=2) succeed with IgnoreIfExists, keeping the first attempt's records", async () => {
    const before = recordsOf(server, "1.4.57");
    const bodies = pushBodies(server).length;
    const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`);
    const run = await runAction(pushPayload(repo.shas[0]!, commits), {
      INPUT_VERSION: "1.4.57",
      GITHUB_RUN_ATTEMPT: "2",
    });

    expect(run.code).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/::error/);
    expect(
      pushBodies(server)
        .slice(bodies)
        .map((body) => body.OverwriteMode),
    ).toEqual(["IgnoreIfExists", "IgnoreIfExists"]);
    expect(recordsOf(server, "1.4.57")).toEqual(before);
    // The first attempt stored the records; the CLI read them before pushing, so this push changed
    // nothing and reports them as ignored.
    expect(run.summary).toMatch(/^\| \S*Acme\.ShopWeb\S* \| 1\.4\.57 \| ignored \|$/m);
    expect(run.summary).toMatch(/^\| \S*Acme\.ShopApi\S* \| 1\.4\.57 \| ignored \|$/m);
    expect(run.summary).not.toContain("[!CAUTION]");
    expectKeyMasked(run);
  });

  it("exits 2 without sending anything when the version input is missing, naming the input", async () => {
    const posts = pushBodies(server).length;
    const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`);
    const run = await runAction(pushPayload(repo.shas[0]!, commits), { INPUT_VERSION: "" });

    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^::error::Input version is required\. Give the version/m);
    expect(`${run.stdout}${run.stderr}`).not.toContain("--version");
    expect(pushBodies(server)).toHaveLength(posts);
    expect(`${run.stdout}${run.stderr}${run.summary}`).not.toContain(apiKey);
  });

  it("reads a forced push's commits from the checkout when no github_token is given", async () => {
    const commits = repo.octopusCommits(`${repo.shas[1]}..${repo.shas[3]}`);
    const run = await runAction(pushPayload(repo.shas[1]!, commits, true), {
      INPUT_VERSION: "1.4.58",
      INPUT_PACKAGES: "Acme.ShopWeb",
      INPUT_GITHUB_TOKEN: "",
    });

    expect(run.code).toBe(0);
    const [record] = recordsOf(server, "1.4.58");
    expect(record).toMatchObject({ PackageId: "Acme.ShopWeb", VcsCommitNumber: repo.shas[3] });
    expect(record?.Commits.map(({ Id, Comment }) => ({ Id, Comment }))).toEqual(commits);
    expect(githubApi.requests).toEqual([]);
    expect(run.summary).toMatch(/^\| \S*Acme\.ShopWeb\S* \| 1\.4\.58 \| created \|$/m);
    expectKeyMasked(run);
  });

  it("reports ignored on a re-run that changed nothing, when the record is an earlier attempt's", async () => {
    // The first attempt's records, an hour old: the server restarts on its saved records, aged.
    await server.close();
    const saved = join(dir, "octopus.json");
    const state = JSON.parse(readFileSync(saved, "utf8")) as { records: { Created: string }[] };
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    for (const record of state.records) Object.assign(record, { Created: hourAgo, LastModifiedOn: hourAgo });
    writeFileSync(saved, JSON.stringify(state));
    server = await startOctopusServer({ apiKeys: [apiKey], persistPath: saved });
    const before = recordsOf(server, "1.4.57");

    const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`);
    const run = await runAction(pushPayload(repo.shas[0]!, commits), {
      INPUT_VERSION: "1.4.57",
      GITHUB_RUN_ATTEMPT: "3",
    });

    expect(run.code).toBe(0);
    expect(recordsOf(server, "1.4.57")).toEqual(before);
    expect(run.stderr).toMatch(
      /^(\[buildinfo\] )?ignored +Acme\.ShopWeb 1\.4\.57 +BuildInformation-\d+ +http:\S+$/m,
    );
    expect(run.summary).toMatch(/^\| \S*Acme\.ShopApi\S* \| 1\.4\.57 \| ignored \|$/m);
    expectKeyMasked(run);
  });
});
