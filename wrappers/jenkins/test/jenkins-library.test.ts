// The shared library's step, run by Groovy against a stubbed pipeline DSL (test/pipeline-stub.groovy):
// the exact command lines and environment it hands to sh/bat, and the Jenkinsfile-style call run for
// real — `buildinfo` from the PATH, against the local Octopus server and a fake Jenkins build API.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type FakeApi, startFakeApi, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pipelineBuild } from "../../../adapters/jenkins/test/jenkins-fixtures";
import { runProcess } from "../../../packages/cli/test/helpers/run-cli";
import { ensureSystemTools } from "../../../test/support/ensure-system-tools";
import {
  releaseBuildTimeout,
  writeBuildinfoExecutable,
} from "../../../test/support/wrappers/buildinfo-executable";
import { recordsOf } from "../../../test/support/wrappers/octopus-pushes";

const libraryDir = fileURLToPath(new URL("../", import.meta.url));
const apiKey = "API-JENKINSLIBRARYSECRETKEY00000";

interface StepCall {
  step: string;
  [key: string]: unknown;
}

interface ScenarioResult {
  name: string;
  ok: boolean;
  error?: string;
  calls: StepCall[];
  process?: { code: number; stdout: string; stderr: string };
}

/** Groovy needs JAVA_HOME, which is not set here: the home of the `java` on the PATH. */
function javaHome(): string {
  const java = execFileSync("sh", ["-c", 'readlink -f "$(command -v java)"'], { encoding: "utf8" }).trim();
  return dirname(dirname(java));
}

async function runGroovy(scenarioFile: string): Promise<ScenarioResult[]> {
  const stubs = join(libraryDir, "test/stubs");
  const run = await runProcess(
    "groovy",
    ["-cp", stubs, join(libraryDir, "test/pipeline-stub.groovy"), scenarioFile],
    {
      env: { JAVA_HOME: javaHome() },
    },
  );
  if (run.code !== 0) throw new Error(`groovy exited with ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout.slice(run.stdout.indexOf("["))) as ScenarioResult[];
}

describe("the Jenkins library's octopusPushBuildInformation step", () => {
  let server: LocalOctopusServer;
  let jenkins: FakeApi;
  let repo: TempGitRepo;
  let dir: string;
  let results: Map<string, ScenarioResult>;

  beforeAll(async () => {
    ensureSystemTools("groovy");
    server = await startOctopusServer({ apiKeys: [apiKey] });
    repo = await createTempGitRepo({
      commits: [{ message: "Initial commit" }, { message: "SHOP-7 add the basket" }],
      remoteUrl: "https://github.com/acme/shop.git",
    });
    const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[1]}`).map(({ Id, Comment }) => ({
      id: Id,
      comment: Comment,
    }));
    jenkins = await startFakeApi((request) =>
      request.path === "/job/shop/12/api/json"
        ? { body: pipelineBuild([commits]) }
        : { body: { lastSuccessfulBuild: { number: 11 } } },
    );
    dir = await mkdtemp(join(tmpdir(), "buildinfo-jenkins-"));
    const bin = await writeBuildinfoExecutable(join(dir, "bin"));
    const jenkinsEnv = {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: process.env.HOME ?? dir,
      JENKINS_URL: `${jenkins.url}/`,
      JOB_NAME: "shop",
      BUILD_NUMBER: "12",
      BUILD_URL: `${jenkins.url}/job/shop/12/`,
      GIT_COMMIT: repo.shas[1],
      GIT_URL: "https://github.com/acme/shop.git",
      GIT_BRANCH: "origin/main",
      WORKSPACE: repo.dir,
      OCTOPUS_URL: server.url,
    };
    const jenkinsfile = {
      serverId: "octopus-api-key",
      spaceId: "Default",
      packageId: "Acme.Web\nAcme.Api",
      packageVersion: "1.2.3",
      overwriteMode: "OverwriteExisting",
      verboseLogging: true,
    };
    const scenario = (name: string, extra: Record<string, unknown>) => ({
      name,
      env: jenkinsEnv,
      cwd: repo.dir,
      credentials: { "octopus-api-key": apiKey },
      parameters: jenkinsfile,
      ...extra,
    });
    const scenarios = [
      scenario("jenkinsfile", { execute: true }),
      scenario("failed build", { currentBuildResult: "FAILURE" }),
      scenario("failed build, runOnFailure", {
        currentBuildResult: "FAILURE",
        parameters: { ...jenkinsfile, runOnFailure: true },
      }),
      scenario("windows tool", {
        unix: false,
        tools: { "buildinfo-1": "C:\\tools\\buildinfo" },
        parameters: {
          serverId: "octopus-api-key",
          toolId: "buildinfo-1",
          spaceId: "Spaces-2",
          packageId: "Acme.Web",
          packageVersion: "1.2.3",
          overwriteMode: "IgnoreIfExists",
          commentParser: "Jira",
          gitUrl: "https://git.example.com/acme/shop",
          gitCommit: "0123456789abcdef0123456789abcdef01234567",
          gitBranch: "release/%VERSION%",
          additionalArgs: '--build-number "12 (b)" --build-environment Jenkins',
        },
      }),
      // A Jenkinsfile of the official step names its Octopus CLI installation (toolId, home = octo's
      // path) and may pass octo's options through additionalArgs.
      scenario("official toolId and additionalArgs", {
        execute: true,
        tools: { Default: "/opt/octopus/octo" },
        parameters: {
          ...jenkinsfile,
          packageVersion: "1.2.4",
          toolId: "Default",
          additionalArgs: "--logLevel verbose --timeout 600",
        },
      }),
      scenario("no server", { env: { ...jenkinsEnv, OCTOPUS_URL: "" } }),
      scenario("unknown parameter", { parameters: { ...jenkinsfile, apiKey: "API-WRONGPLACE" } }),
      scenario("missing version", { parameters: { ...jenkinsfile, packageVersion: " " } }),
      scenario("unknown credential", { credentials: {} }),
    ];
    const file = join(dir, "scenarios.json");
    await writeFile(
      file,
      JSON.stringify({ step: join(libraryDir, "vars/octopusPushBuildInformation.groovy"), scenarios }),
    );
    results = new Map((await runGroovy(file)).map((result) => [result.name, result]));
  }, releaseBuildTimeout + 120_000);

  afterAll(async () => {
    await server?.close();
    await jenkins?.close();
    await repo?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const result = (name: string): ScenarioResult => {
    const found = results.get(name);
    if (!found) throw new Error(`no result for scenario ${name}`);
    return found;
  };

  it("runs the Jenkinsfile's call as one sh step, the API key only in its environment, and pushes 2 records", () => {
    const run = result("jenkinsfile");
    expect(run.error).toBeUndefined();
    expect(run.calls).toEqual([
      { step: "isUnix" },
      {
        step: "withCredentials",
        bindings: [{ kind: "string", credentialsId: "octopus-api-key", variable: "OCTOPUS_API_KEY" }],
      },
      {
        step: "sh",
        script: `'buildinfo' 'build-information' '--from' 'jenkins' '--package-id' 'Acme.Web' '--package-id' 'Acme.Api' '--version' '1.2.3' '--server' '${server.url}' '--space' 'Default' '--overwrite-mode' 'OverwriteExisting' '--verbose'`,
        label: "Push build information to Octopus",
        boundEnv: { OCTOPUS_API_KEY: apiKey },
      },
    ]);
    expect(run.process?.stderr).toContain(
      "+ buildinfo build-information --from jenkins --package-id Acme.Web",
    );
    expect(run.process?.code).toBe(0);
    const records = recordsOf(server, "1.2.3");
    expect(records.map((record) => record.PackageId).sort()).toEqual(["Acme.Api", "Acme.Web"]);
    expect(records[0]).toMatchObject({
      BuildEnvironment: "Jenkins",
      BuildNumber: "12",
      BuildUrl: `${jenkins.url}/job/shop/12/`,
      Branch: "main",
      VcsCommitNumber: repo.shas[1],
    });
    expect(records[0]?.Commits.map((commit) => commit.Comment)).toEqual(["SHOP-7 add the basket"]);
    const bodies = server.requests.filter(
      (request) => request.method === "POST" && JSON.parse(request.body).Version === "1.2.3",
    );
    expect(bodies.map((request) => JSON.parse(request.body).OverwriteMode)).toEqual([
      "OverwriteExisting",
      "OverwriteExisting",
    ]);
    // Never in a command line Jenkins echoes, nor anywhere in the step's output.
    const echoed = JSON.stringify(run.calls.filter((call) => call.step === "sh").map((call) => call.script));
    expect(echoed).not.toContain(apiKey);
    expect(`${run.process?.stdout}${run.process?.stderr}`).not.toContain(apiKey);
  });

  it("runs buildinfo from the PATH when toolId names the official plugin's Octopus CLI, and takes octo's additionalArgs", () => {
    const run = result("official toolId and additionalArgs");
    expect(run.error).toBeUndefined();
    expect(run.calls.slice(0, 3)).toEqual([
      { step: "isUnix" },
      { step: "tool", id: "Default" },
      {
        step: "echo",
        message:
          "octopusPushBuildInformation: toolId Default is the Octopus CLI (/opt/octopus/octo), which buildinfo replaces; running buildinfo from the PATH.",
      },
    ]);
    expect(run.calls.find((call) => call.step === "sh")?.script).toMatch(
      /^'buildinfo' 'build-information' .* '--logLevel' 'verbose' '--timeout' '600'$/,
    );
    expect(run.process?.code, run.process?.stderr).toBe(0);
    expect(
      recordsOf(server, "1.2.4")
        .map((record) => record.PackageId)
        .sort(),
    ).toEqual(["Acme.Api", "Acme.Web"]);
  });

  it("skips with a log line when the build has already failed, unless runOnFailure: true", () => {
    expect(result("failed build")).toMatchObject({
      ok: true,
      calls: [
        {
          step: "echo",
          message:
            "octopusPushBuildInformation: not pushing build information, because the build has failed (runOnFailure: true pushes anyway).",
        },
      ],
    });
    expect(result("failed build, runOnFailure").calls.map((call) => call.step)).toEqual([
      "isUnix",
      "withCredentials",
      "sh",
    ]);
  });

  it("runs a tool installation's buildinfo.exe through bat on Windows, quoting for cmd.exe", () => {
    const run = result("windows tool");
    expect(run.ok).toBe(true);
    expect(run.calls).toEqual([
      {
        step: "echo",
        message:
          "octopusPushBuildInformation: commentParser Jira is not needed; Octopus links work items from the commit messages itself.",
      },
      { step: "isUnix" },
      { step: "tool", id: "buildinfo-1" },
      expect.objectContaining({ step: "withCredentials" }),
      {
        step: "bat",
        script:
          '@"C:\\tools\\buildinfo\\buildinfo.exe" "build-information" "--from" "jenkins" "--package-id" "Acme.Web" "--version" "1.2.3" ' +
          `"--server" "${server.url}" "--space" "Spaces-2" "--overwrite-mode" "IgnoreIfExists" ` +
          '"--vcs-root" "https://git.example.com/acme/shop" "--commit" "0123456789abcdef0123456789abcdef01234567" ' +
          '"--branch" "release/%%VERSION%%" "--build-number" "12 (b)" "--build-environment" "Jenkins"',
        label: "Push build information to Octopus",
        boundEnv: { OCTOPUS_API_KEY: apiKey },
      },
    ]);
  });

  it("stops with error, before any sh step, on a missing server, version or credential or an unknown parameter", () => {
    expect(result("no server").error).toBe(
      "octopusPushBuildInformation: no Octopus server: pass serverUrl, or set OCTOPUS_URL (e.g. in environment {}).",
    );
    expect(result("unknown parameter").error).toMatch(
      /^octopusPushBuildInformation: unknown parameter apiKey\. Known: serverId, spaceId, /,
    );
    expect(result("missing version").error).toBe(
      "octopusPushBuildInformation: the packageVersion parameter is required.",
    );
    expect(result("unknown credential").error).toBe(
      "Could not find credentials entry with ID 'octopus-api-key'",
    );
    for (const name of ["no server", "unknown parameter", "missing version", "unknown credential"]) {
      expect(result(name).calls.some((call) => call.step === "sh")).toBe(false);
    }
  });
});
