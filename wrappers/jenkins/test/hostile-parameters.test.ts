// The step with hostile parameter values (test/support/hostile-arguments.ts), through the Groovy harness,
// on both paths: sh on Linux, run for real with the released executable, and bat on Windows, whose
// script is then run by a real cmd.exe (Debian's wine64) with the released buildinfo-win-x64.exe. The
// script text never changes, and buildinfo receives exactly the parameters: `--dry-run` (passed through
// additionalArgs) prints the server, space and branch it would have used, and nothing is sent.
import { copyFileSync, readdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { LocalOctopusServer } from "@buildinfo/server";
import type { TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileValues } from "../../../test/support/hostile-arguments";
import { ensureRelease } from "../../../test/support/release-build";
import { releaseBuildTimeout } from "../../../test/support/wrappers/buildinfo-executable";
import {
  batScript,
  resultOf,
  runScenarios,
  type Scenario,
  type ScenarioResult,
  scriptStep,
  shScript,
  stepArguments,
} from "./groovy-harness";
import { type JenkinsAgent, startJenkinsAgent } from "./jenkins-agent";
import { runInCmd, winePath } from "./wine-cmd";

const apiKey = "API-JENKINSHOSTILESECRETKEY00000";
const oneLine = hostileValues.filter((hostile) => !hostile.lineBreak);
// What cmd.exe runs under wine: one of each kind of trouble, so the whole run stays well under a minute.
const cmdSample = [
  "a quote that closes the word",
  "a backslash before a quote",
  "a trailing backslash",
  "backslashes before the closing quote",
  "the API key's variable",
  "carets",
  "an ampersand",
  "a pipe",
  "redirections",
  "delayed expansion",
  "an option of our own",
  "unicode",
];

interface DryRun {
  server: string;
  space: string;
  requests: { body: { OctopusBuildInformation: { Branch: string; BuildEnvironment: string } } }[];
}

describe("the Jenkins step with hostile parameter values", () => {
  let agent: JenkinsAgent;
  let server: LocalOctopusServer;
  let repo: TempGitRepo;
  let windowsToolHome: string;
  let jenkinsEnv: Record<string, string>;
  let results: Map<string, ScenarioResult>;

  const expectedArguments = (value: string) => [
    "build-information",
    "--from",
    "jenkins",
    "--package-id=Acme.Web",
    "--version=1.2.3",
    `--server=${server.url}`,
    `--space=${value}`,
    `--branch=${value}`,
    "--dry-run",
  ];

  beforeAll(async () => {
    agent = await startJenkinsAgent(apiKey);
    ({ server, repo, env: jenkinsEnv } = agent);
    // A tool home as an admin may name it: blanks, an ampersand, parentheses, a caret. Not a percent
    // sign: Windows's cmd.exe expands %BUILDINFO_EXECUTABLE% in one pass, but wine's cmd rescans what
    // it substituted and drops a lone %.
    windowsToolHome = join(agent.dir, "build tools & (x86) ^co");
    await mkdir(windowsToolHome);
    copyFileSync(join(ensureRelease(), "buildinfo-win-x64.exe"), join(windowsToolHome, "buildinfo.exe"));
    const scenarios: Scenario[] = hostileValues.flatMap(({ name, value }) => {
      const parameters = {
        serverId: "octopus-api-key",
        packageId: "Acme.Web",
        packageVersion: "1.2.3",
        serverUrl: server.url,
        spaceId: value,
        gitBranch: value,
        additionalArgs: "--dry-run",
      };
      const common = { env: jenkinsEnv, cwd: repo.dir, credentials: { "octopus-api-key": apiKey } };
      return [
        { ...common, name: `sh: ${name}`, execute: true, parameters },
        {
          ...common,
          name: `bat: ${name}`,
          unix: false,
          tools: { "buildinfo-win": winePath(windowsToolHome) },
          parameters: { ...parameters, toolId: "buildinfo-win" },
        },
      ];
    });
    results = await runScenarios(agent.dir, scenarios);
  }, releaseBuildTimeout + 120_000);

  afterAll(async () => {
    await agent?.close();
  });

  it("runs the same script text whatever the values, on sh and on bat", () => {
    for (const { name } of oneLine) {
      expect(scriptStep(resultOf(results, `sh: ${name}`))?.script, name).toBe(shScript);
      expect(scriptStep(resultOf(results, `bat: ${name}`))?.script, name).toBe(batScript);
    }
  });

  it("hands buildinfo exactly the parameters, as JSON in BUILDINFO_STEP_ARGS", () => {
    for (const { name, value } of oneLine) {
      expect(stepArguments(resultOf(results, `sh: ${name}`)), name).toEqual(expectedArguments(value));
      expect(stepArguments(resultOf(results, `bat: ${name}`)), name).toEqual(expectedArguments(value));
    }
  });

  it("sh: the released executable receives each value whole, and nothing is sent or run", () => {
    for (const { name, value } of oneLine) {
      const run = resultOf(results, `sh: ${name}`);
      expect(run.process?.code, `${name}: ${run.process?.stderr}`).toBe(0);
      const plan = JSON.parse(run.process?.stdout ?? "") as DryRun;
      expect(plan.server, name).toBe(server.url);
      expect(plan.space, name).toBe(value);
      expect(plan.requests[0]?.body.OctopusBuildInformation.Branch, name).toBe(value);
      expect(`${run.process?.stdout}${run.process?.stderr}`, name).not.toContain(apiKey);
    }
    expect(readdirSync(repo.dir).filter((file) => file.startsWith("pwned"))).toEqual([]);
    expect(server.requests.filter((request) => request.method === "POST")).toEqual([]);
  });

  it("refuses a line break in a one-line parameter, naming the parameter, before any sh or bat", () => {
    for (const { name, lineBreak } of hostileValues) {
      if (!lineBreak) continue;
      for (const shell of ["sh", "bat"]) {
        const run = resultOf(results, `${shell}: ${name}`);
        expect(run.error, name).toBe(
          "octopusPushBuildInformation: the spaceId parameter holds a line break, which no spaceId can contain: give it on one line.",
        );
        expect(scriptStep(run), name).toBeUndefined();
      }
    }
  });

  it("bat: a real cmd.exe runs the step's script and buildinfo-win-x64.exe receives each value whole", {
    timeout: 120_000,
  }, async () => {
    const scratch = join(agent.dir, "cmd");
    await mkdir(scratch);
    for (const name of cmdSample) {
      const value = hostileValues.find((hostile) => hostile.name === name)?.value as string;
      const step = scriptStep(resultOf(results, `bat: ${name}`));
      const run = await runInCmd(scratch, step?.script as string, {
        ...jenkinsEnv,
        ...(step?.boundEnv as Record<string, string>),
      });
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      const plan = JSON.parse(run.stdout) as DryRun;
      expect(plan.server, name).toBe(server.url);
      expect(plan.space, name).toBe(value);
      expect(plan.requests[0]?.body.OctopusBuildInformation).toMatchObject({
        Branch: value,
        BuildEnvironment: "Jenkins",
      });
      expect(run.stdout + run.stderr, name).not.toContain(apiKey);
    }
    expect(readdirSync(scratch).filter((file) => file !== "step.bat" && !file.endsWith(".txt"))).toEqual([]);
    expect(server.requests.filter((request) => request.method === "POST")).toEqual([]);
  });
});
