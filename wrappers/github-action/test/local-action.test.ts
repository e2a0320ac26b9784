// The action's source (src/main.ts's run()) run by GitHub's own local harness, @github/local-action,
// with its inputs in a .env file as local-action reads them, against the local Octopus server.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProcess } from "../../../packages/cli/test/helpers/run-cli";
import { pushBodies, recordsOf } from "../../../test/support/wrappers/octopus-pushes";

const wrapperDir = fileURLToPath(new URL("../", import.meta.url));
const localAction = join(wrapperDir, "node_modules/.bin/local-action");
const apiKey = "API-LOCALACTIONSECRETKEY00000000";
const accessToken = "eyJhbGciOiJIUzI1NiJ9.bG9jYWwtYWN0aW9uLWFjY2Vzcy10b2tlbg.c2lnbmF0dXJl";

describe("the action run by @github/local-action", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;
  let dir: string;

  beforeAll(async () => {
    server = await startOctopusServer({ apiKeys: [apiKey], accessTokens: [accessToken] });
    repo = await createTempGitRepo({
      commits: [{ message: "Initial commit" }, { message: "HW-1 add the greeting" }],
      remoteUrl: "https://github.com/Codertocat/Hello-World.git",
    });
    dir = await mkdtemp(join(tmpdir(), "buildinfo-local-action-"));
  });

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** One `local-action run . src/main.ts <.env>`, with a push of the repository's last commit. */
  async function runLocalAction(name: string, inputs: Record<string, string>) {
    const head = repo.shas.at(-1)!;
    const eventPath = join(dir, `${name}-event.json`);
    await writeFile(
      eventPath,
      JSON.stringify({
        ref: "refs/heads/main",
        before: repo.shas[0],
        after: head,
        created: false,
        forced: false,
        commits: [{ id: head, message: "HW-1 add the greeting" }],
      }),
    );
    const outputPath = join(dir, `${name}-output.txt`);
    await writeFile(outputPath, "");
    const dotenv = {
      ...inputs,
      GITHUB_ACTIONS: "true",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "Codertocat/Hello-World",
      GITHUB_RUN_ID: "77",
      GITHUB_RUN_NUMBER: "7",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_EVENT_NAME: "push",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REF: "refs/heads/main",
      GITHUB_SHA: head,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_OUTPUT: outputPath,
      RUNNER_TEMP: dir,
    };
    const envFile = join(dir, `${name}.env`);
    await writeFile(
      envFile,
      Object.entries(dotenv)
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
        .join("\n"),
    );
    const run = await runProcess(localAction, [".", "src/main.ts", envFile], {
      cwd: wrapperDir,
      env: { NO_COLOR: "1" },
    });
    return { code: run.code, log: `${run.stdout}${run.stderr}`, output: readFileSync(outputPath, "utf8") };
  }

  it("pushes every package, logs a line per package and sets the records output", {
    timeout: 60_000,
  }, async () => {
    const run = await runLocalAction("push", {
      INPUT_PACKAGES: "Acme.Greeter\nAcme.Api",
      INPUT_VERSION: "2.0.7",
      INPUT_SERVER: server.url,
      INPUT_API_KEY: apiKey,
    });

    expect(run.log).toContain("Running Action");
    expect(run.code).toBe(0);
    expect(run.log).toMatch(
      /^(\[buildinfo\] )?created +Acme\.Greeter 2\.0\.7 +BuildInformation-\d+ +http:\S+$/m,
    );
    expect(run.log).toMatch(
      /^(\[buildinfo\] )?created +Acme\.Api +2\.0\.7 +BuildInformation-\d+ +http:\S+$/m,
    );
    const records = recordsOf(server, "2.0.7");
    expect(records.map((record) => record.PackageId).sort()).toEqual(["Acme.Api", "Acme.Greeter"]);
    expect(records[0]).toMatchObject({
      BuildEnvironment: "GitHub Actions",
      Branch: "main",
      VcsCommitNumber: repo.shas.at(-1),
    });
    const output = /^records<<(\S+)\n(.*)\n\1$/m.exec(run.output);
    expect(JSON.parse(output?.[2] ?? "null")).toEqual([
      expect.objectContaining({ packageId: "Acme.Greeter", version: "2.0.7", outcome: "created" }),
      expect.objectContaining({ packageId: "Acme.Api", version: "2.0.7", outcome: "created" }),
    ]);
    // The key is masked first thing and never printed otherwise.
    expect(run.log.split(apiKey)).toHaveLength(2);
    expect(run.log).toContain(`::add-mask::${apiKey}`);
  });

  it("pushes with the access_token input alone, as a bearer token, masked", { timeout: 60_000 }, async () => {
    const run = await runLocalAction("access-token", {
      INPUT_PACKAGES: "Acme.Token",
      INPUT_VERSION: "2.0.8",
      INPUT_SERVER: server.url,
      INPUT_ACCESS_TOKEN: accessToken,
    });

    expect(run.code, run.log).toBe(0);
    expect(recordsOf(server, "2.0.8").map((record) => record.PackageId)).toEqual(["Acme.Token"]);
    const post = server.requests.find(
      (request) => request.method === "POST" && JSON.parse(request.body).Version === "2.0.8",
    );
    expect(post?.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(post?.headers["x-octopus-apikey"]).toBeUndefined();
    expect(run.log.split(accessToken)).toHaveLength(2);
    expect(run.log).toContain(`::add-mask::${accessToken}`);
  });

  it("fails naming the input when version is missing, and sends nothing", { timeout: 60_000 }, async () => {
    const posts = pushBodies(server).length;
    const run = await runLocalAction("no-version", {
      INPUT_PACKAGES: "Acme.Greeter",
      INPUT_SERVER: server.url,
      INPUT_API_KEY: apiKey,
    });

    expect(run.code).not.toBe(0);
    expect(run.log).toMatch(
      /^::error::Input version is required\. Give the version of the package\(s\) in the step's with:\.$/m,
    );
    expect(pushBodies(server)).toHaveLength(posts);
  });
});
