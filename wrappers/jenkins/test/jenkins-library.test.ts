import type { LocalOctopusServer } from "@buildinfo/server";
import type { FakeApi, TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { releaseBuildTimeout } from "../../../test/support/wrappers/buildinfo-executable";
import { recordsOf } from "../../../test/support/wrappers/octopus-pushes";
import {
  batScript,
  resultOf,
  runScenarios,
  type ScenarioResult,
  shScript,
  stepArguments,
} from "./groovy-harness";
import { type JenkinsAgent, startJenkinsAgent } from "./jenkins-agent";

const apiKey = "API-JENKINSLIBRARYSECRETKEY00000";

describe("the Jenkins library's octopusPushBuildInformation step", () => {
  let agent: JenkinsAgent;
  let server: LocalOctopusServer;
  let jenkins: FakeApi;
  let repo: TempGitRepo;
  let results: Map<string, ScenarioResult>;

  beforeAll(async () => {
    agent = await startJenkinsAgent(apiKey);
    ({ server, jenkins, repo } = agent);
    const jenkinsEnv = { ...agent.env, OCTOPUS_URL: server.url };
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
      scenario("not installed", {
        execute: true,
        env: { ...jenkinsEnv, PATH: "/usr/bin:/bin" },
      }),
      scenario("buildinfo refuses the input", { status: 2 }),
      scenario("version with a line break", {
        parameters: { ...jenkinsfile, packageVersion: "1.2.3\nrm -rf /" },
      }),
    ];
    results = await runScenarios(agent.dir, scenarios);
  }, releaseBuildTimeout + 120_000);

  afterAll(async () => {
    await agent?.close();
  });

  const result = (name: string): ScenarioResult => resultOf(results, name);

  it("runs the Jenkinsfile's call as one sh step, the API key only in its environment, and pushes 2 records", () => {
    const run = result("jenkinsfile");
    expect(run.error).toBeUndefined();
    const args = [
      "build-information",
      "--from",
      "jenkins",
      "--package-id=Acme.Web",
      "--package-id=Acme.Api",
      "--version=1.2.3",
      `--server=${server.url}`,
      "--space=Default",
      "--overwrite-mode=OverwriteExisting",
      "--verbose",
    ];
    expect(run.calls).toEqual([
      { step: "isUnix" },
      {
        step: "echo",
        message: `octopusPushBuildInformation: running buildinfo with the arguments ${JSON.stringify(args)}`,
      },
      {
        step: "withCredentials",
        bindings: [{ kind: "string", credentialsId: "octopus-api-key", variable: "OCTOPUS_API_KEY" }],
      },
      {
        step: "withEnv",
        variables: ["BUILDINFO_EXECUTABLE=buildinfo", `BUILDINFO_STEP_ARGS=${JSON.stringify(args)}`],
      },
      {
        step: "sh",
        script: shScript,
        label: "Push build information to Octopus",
        returnStatus: true,
        boundEnv: {
          OCTOPUS_API_KEY: apiKey,
          BUILDINFO_EXECUTABLE: "buildinfo",
          BUILDINFO_STEP_ARGS: JSON.stringify(args),
        },
      },
    ]);
    expect(run.process?.stderr).toContain("+ buildinfo --args-from-env BUILDINFO_STEP_ARGS");
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
    // Never in a command line or a message Jenkins shows, nor anywhere in the step's output.
    const shown = JSON.stringify(
      run.calls
        .filter((call) => call.step !== "withCredentials")
        .map((call) => [call.script, call.message, call.variables]),
    );
    expect(shown).not.toContain(apiKey);
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
    expect(stepArguments(run).slice(0, 3)).toEqual(["build-information", "--from", "jenkins"]);
    expect(stepArguments(run).slice(-4)).toEqual(["--logLevel", "verbose", "--timeout", "600"]);
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
      "echo",
      "withCredentials",
      "withEnv",
      "sh",
    ]);
  });

  it("runs a tool installation's buildinfo.exe through bat on Windows: a constant line, the arguments in the environment", () => {
    const run = result("windows tool");
    expect(run.ok).toBe(true);
    const args = [
      "build-information",
      "--from",
      "jenkins",
      "--package-id=Acme.Web",
      "--version=1.2.3",
      `--server=${server.url}`,
      "--space=Spaces-2",
      "--overwrite-mode=IgnoreIfExists",
      "--vcs-root=https://git.example.com/acme/shop",
      "--commit=0123456789abcdef0123456789abcdef01234567",
      "--branch=release/%VERSION%",
      "--build-number",
      "12 (b)",
      "--build-environment",
      "Jenkins",
    ];
    expect(run.calls.map((call) => call.step)).toEqual([
      "echo",
      "isUnix",
      "tool",
      "echo",
      "withCredentials",
      "withEnv",
      "bat",
    ]);
    expect(run.calls.at(-1)).toEqual({
      step: "bat",
      script: batScript,
      label: "Push build information to Octopus",
      returnStatus: true,
      boundEnv: {
        OCTOPUS_API_KEY: apiKey,
        BUILDINFO_EXECUTABLE: "C:\\tools\\buildinfo\\buildinfo.exe",
        BUILDINFO_STEP_ARGS: JSON.stringify(args),
      },
    });
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
    expect(result("version with a line break").error).toBe(
      "octopusPushBuildInformation: the packageVersion parameter holds a line break, which no packageVersion can contain: give it on one line.",
    );
    for (const name of [
      "no server",
      "unknown parameter",
      "missing version",
      "unknown credential",
      "version with a line break",
    ]) {
      expect(result(name).calls.some((call) => call.step === "sh")).toBe(false);
    }
  });

  it("explains that serverId names a Secret text credential when it names none (the official step named a server)", () => {
    expect(result("unknown credential").error).toBe(
      "octopusPushBuildInformation: serverId 'octopus-api-key' is not a Secret text credential this job can use " +
        "(Could not find credentials entry with ID 'octopus-api-key'). Here serverId names the Jenkins credential " +
        "(kind Secret text) that holds the Octopus API key, not an Octopus server configured under Manage Jenkins " +
        "as in the official plugin: add such a credential with this id, and give the server URL as serverUrl or OCTOPUS_URL.",
    );
  });

  it("says how to install buildinfo when the agent has none, instead of the shell's 'not found'", () => {
    const run = result("not installed");
    expect(run.process?.code).toBe(127);
    expect(run.process?.stderr).not.toContain("not found");
    expect(run.error).toBe(
      "octopusPushBuildInformation: buildinfo was not found on this agent. Put the buildinfo executable on the " +
        "agent's PATH (the standalone buildinfo-linux-x64 of a release, renamed buildinfo), or configure it as a " +
        "tool installation (Manage Jenkins > Tools, e.g. a Custom tool whose home holds it) and pass that tool's name as toolId.",
    );
  });

  it("fails the step with buildinfo's exit code when buildinfo fails", () => {
    expect(result("buildinfo refuses the input").error).toBe(
      "octopusPushBuildInformation: buildinfo exited with 2 (invalid input: nothing was sent); see the lines above.",
    );
  });
});
