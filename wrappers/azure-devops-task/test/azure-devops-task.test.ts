// End-to-end: the packaged Azure Pipelines task (adapters/azure-devops/dist/task.js with the CLI bundle in
// dist/cli) run as the agent runs it — `node dist/task.js`, inputs as INPUT_<NAME>, the Octopus service
// connection as ENDPOINT_URL_<id> / ENDPOINT_AUTH_PARAMETER_<id>_APITOKEN, the job token as the
// SystemVssConnection endpoint, the predefined SYSTEM_* / BUILD_* variables, a real checkout as the
// working directory — against the local Octopus server and a fake Azure DevOps build changes API.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createTempGitRepo,
  type FakeApi,
  type LocalOctopusServer,
  startFakeApi,
  startOctopusServer,
  type TempGitRepo,
} from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runNodeScript } from "../packages/cli/test/helpers/run-cli";
import { packageWrapper } from "./support/package-wrapper";

const packageDir = fileURLToPath(new URL("../adapters/azure-devops/", import.meta.url));
const taskEntry = join(packageDir, "dist/task.js");
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

  beforeAll(async () => {
    packageWrapper(packageDir, "dist/task.js", "task");
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

  function runTask(env: Record<string, string>): Promise<CliRun> {
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
      INPUT_OCTOCONNECTEDSERVICENAME: endpointId,
      INPUT_SPACE: "",
      INPUT_PACKAGEIDS: "Acme.ShopWeb\nAcme.ShopApi",
      INPUT_OVERWRITEMODE: "Default",
      INPUT_BRANCH: "",
      ...env,
    };
    return runNodeScript(taskEntry, [], { cwd: repo.dir, env: childEnv });
  }

  /** The agent masks the connection's secrets itself; the task and the CLI must not print them at all. */
  function expectNoSecrets(run: CliRun): void {
    for (const secret of [apiKey, jobToken]) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  }

  /** Every task.complete line, whichever stream it went to. */
  const taskCompletes = (run: CliRun) =>
    `${run.stdout}\n${run.stderr}`.split(/\r?\n/).filter((line) => line.startsWith("##vso[task.complete"));

  const recordsOf = (version: string) =>
    server
      .records()
      .filter((record) => record.Version === version)
      .sort((left, right) => left.PackageId.localeCompare(right.PackageId));

  const pushBodies = () =>
    server.requests
      .filter((request) => request.method === "POST" && request.path.endsWith("/build-information"))
      .map((request) => JSON.parse(request.body) as { PackageId: string; OverwriteMode: string });

  it("pushes the build's information, with every change of the build, for every package", async () => {
    const run = await runTask({ INPUT_PACKAGEVERSION: "1.4.1430" });

    expect(run.stdout).not.toContain("##vso[task.logissue type=error");
    expect(run.stdout).not.toContain("##vso[task.complete result=Failed");
    expect(run.code).toBe(0);
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
    const records = recordsOf("1.4.1430");
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
    expect(pushBodies().map((body) => body.OverwriteMode)).toEqual(["FailIfExists", "FailIfExists"]);
    expectNoSecrets(run);
  });

  it("fails a second push of the version: exit 1, task.logissue errors and task.complete Failed", async () => {
    const before = recordsOf("1.4.1430");
    const run = await runTask({ INPUT_PACKAGEVERSION: "1.4.1430" });

    expect(run.code).toBe(1);
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
    expect(recordsOf("1.4.1430")).toEqual(before);
    expectNoSecrets(run);
  });

  it("lets a re-run (SYSTEM_JOBATTEMPT=2) succeed with IgnoreIfExists, keeping the first attempt's records", async () => {
    const before = recordsOf("1.4.1430");
    const bodies = pushBodies().length;
    const run = await runTask({ INPUT_PACKAGEVERSION: "1.4.1430", SYSTEM_JOBATTEMPT: "2" });

    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("##vso[task.logissue type=error");
    expect(run.stdout).not.toContain("##vso[task.complete result=Failed");
    expect(
      pushBodies()
        .slice(bodies)
        .map((body) => body.OverwriteMode),
    ).toEqual(["IgnoreIfExists", "IgnoreIfExists"]);
    expect(recordsOf("1.4.1430")).toEqual(before);
    expectNoSecrets(run);
  });

  it("exits 2 without sending anything when PackageVersion is missing, and fails the task", async () => {
    const posts = pushBodies().length;
    const run = await runTask({ INPUT_PACKAGEVERSION: "" });

    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^##vso\[task\.logissue type=error;\][^\n]*version/im);
    expect(taskCompletes(run)).toHaveLength(1);
    expect(taskCompletes(run)[0]).toMatch(/^##vso\[task\.complete result=Failed;\][^\n]*version/i);
    expect(pushBodies()).toHaveLength(posts);
    expectNoSecrets(run);
  });

  it("completes the task itself, once, when the CLI is killed by a signal", async () => {
    const posts = pushBodies().length;
    // Only the CLI process (dist/cli/cli.js) kills itself, before it does anything.
    const killCli = `if (process.argv[1]?.endsWith("cli.js")) process.kill(process.pid, "SIGKILL");`;
    const run = await runTask({
      INPUT_PACKAGEVERSION: "1.4.1432",
      NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(killCli)}`,
    });

    expect(run.code).toBe(1);
    expect(taskCompletes(run)).toEqual([
      "##vso[task.complete result=Failed;]buildinfo push was stopped by SIGKILL before it finished.",
    ]);
    expect(pushBodies()).toHaveLength(posts);
    expectNoSecrets(run);
  });

  it("honours an explicit OverwriteMode and the Branch and Space inputs", async () => {
    const run = await runTask({
      INPUT_PACKAGEVERSION: "1.4.1431",
      INPUT_PACKAGEIDS: "Acme.ShopWeb",
      INPUT_OVERWRITEMODE: "OverwriteExisting",
      INPUT_BRANCH: "release/1.4",
      INPUT_SPACE: "Default",
    });

    expect(run.code).toBe(0);
    expect(recordsOf("1.4.1431")).toMatchObject([{ PackageId: "Acme.ShopWeb", Branch: "release/1.4" }]);
    expect(pushBodies().at(-1)?.OverwriteMode).toBe("OverwriteExisting");
    expectNoSecrets(run);
  });
});
