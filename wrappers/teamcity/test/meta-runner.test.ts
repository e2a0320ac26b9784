// The meta-runner as TeamCity runs it: its parameters parsed from the XML, %references% substituted
// as TeamCity substitutes them, the agent tool zip unpacked as an agent unpacks it, and the script run
// by sh — against the local Octopus server and a fake TeamCity REST API.
import { chmodSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type FakeApi, octopusScenario, startFakeApi } from "@buildinfo/testing";
import AdmZip from "adm-zip";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type PropertiesFiles,
  teamCityChangesHandler,
  writeTeamCityProperties,
} from "../../../adapters/teamcity/test/teamcity-fixtures";
import { runNodeScript, runProcess } from "../../../packages/cli/test/helpers/run-cli";
import { ensureSystemTools } from "../../../test/support/ensure-system-tools";
import {
  releaseBuildTimeout,
  writeBuildinfoExecutable,
} from "../../../test/support/wrappers/buildinfo-executable";
import { pushBodies, recordsOf } from "../../../test/support/wrappers/octopus-pushes";

const wrapperDir = fileURLToPath(new URL("../", import.meta.url));
const xml = readFileSync(join(wrapperDir, "meta-runners/buildinfo_PushBuildInformation.xml"), "utf8");
const apiKey = "API-TEAMCITYMETARUNNERSECRET0000";
const sha = (n: number) => n.toString(16).padStart(40, "0");

interface Param {
  name: string;
  value?: string;
  spec?: string;
  "#text"?: string;
}

const metaRunner = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => name === "param",
}).parse(xml)["meta-runner"] as {
  name: string;
  settings: {
    parameters: { param: Param[] };
    "build-runners": { runner: { type: string; parameters: { param: Param[] } } };
  };
};
const allParams = metaRunner.settings.parameters.param;
/** The step's settings, as the TeamCity UI shows them. */
const params = allParams.filter((param) => !param.name.startsWith("env."));
/** env.* parameters: TeamCity passes each to the step's process as an environment variable. */
const envParams = allParams.filter((param) => param.name.startsWith("env."));
const runner = metaRunner.settings["build-runners"].runner;
const script = runner.parameters.param.find((param) => param.name === "script.content")?.["#text"] ?? "";

/** TeamCity's substitution: %name% is the parameter's value, %% a literal %; an unknown name stops the build. */
function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/%([^%\s]*)%/g, (_, name: string) => {
    if (name === "") return "%";
    const value = values[name];
    if (value === undefined) throw new Error(`unresolved parameter %${name}%`);
    return value;
  });
}

describe("the TeamCity meta-runner", () => {
  let server: LocalOctopusServer;
  let teamcity: FakeApi;
  let properties: PropertiesFiles;
  let dir: string;
  let toolDir: string;
  let agentToolZip: string;

  /** Build 4411's properties files, as an agent writes them, for build number `buildNumber` of `commit`. */
  const buildProperties = (buildNumber: string, commit: string) =>
    writeTeamCityProperties(
      {
        "teamcity.build.id": "4411",
        "build.number": buildNumber,
        "teamcity.auth.userId": "TeamCityBuildId=4411",
        "teamcity.auth.password": "t3mp-password",
      },
      {
        "teamcity.serverUrl": `${teamcity.url}/`,
        "teamcity.build.branch": "main",
        "vcsroot.url": "git@github.com:acme/shop-web.git",
        "vcsroot.vcsName": "jetbrains.git",
        "build.vcs.number": commit,
      },
    );

  beforeAll(async () => {
    server = await startOctopusServer({ apiKeys: [apiKey] });
    teamcity = await startFakeApi(
      teamCityChangesHandler("4411", [
        { version: sha(2), comment: "SHOP-2 cache prices\n" },
        { version: sha(1), comment: "SHOP-1 show prices\n" },
      ]),
    );
    properties = await buildProperties("2.3.4411", sha(2));
    dir = await mkdtemp(join(tmpdir(), "buildinfo-teamcity-runner-"));
    // The agent tool, built by its release script from a release directory, then unpacked as an agent
    // does (tools/<zip name>), with teamcity-plugin.xml's executable-files made executable.
    const release = join(dir, "release");
    const bin = await writeBuildinfoExecutable(join(dir, "bin"));
    await writeBuildinfoExecutable(release);
    await copyFile(join(bin, "buildinfo"), join(release, "buildinfo-linux-x64"));
    const built = await runNodeScript(join(wrapperDir, "scripts/agent-tool.mjs"), [release]);
    if (built.code !== 0) throw new Error(built.stderr);
    toolDir = join(dir, "tools", "buildinfo");
    agentToolZip = join(release, "buildinfo.zip");
    const zip = new AdmZip(agentToolZip);
    zip.extractAllTo(toolDir, true, false);
    const descriptor = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      zip.readAsText("teamcity-plugin.xml"),
    );
    const include = descriptor["teamcity-agent-plugin"]["tool-deployment"].layout["executable-files"].include;
    chmodSync(join(toolDir, include.name), 0o755);
  }, releaseBuildTimeout);

  afterAll(async () => {
    await server?.close();
    await teamcity?.close();
    await properties?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("unpacks with unzip, as a user downloading the tool does, into a buildinfo that runs without chmod", async () => {
    ensureSystemTools("unzip");
    const unpacked = join(dir, "unzipped-by-a-user");
    const unzipped = await runProcess("unzip", ["-q", agentToolZip, "-d", unpacked]);
    expect(unzipped.code, unzipped.stderr).toBe(0);
    const version = await runProcess("./buildinfo", ["--version"], { cwd: unpacked });
    expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });
  });

  it("is well-formed XML with the official OctopusMetadata runner's parameter keys", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(runner.type).toBe("simpleRunner");
    expect(params.map((param) => param.name)).toEqual([
      "octopus_host",
      "secure:octopus_apikey",
      "octopus_space_name",
      "octopus_packageid",
      "octopus_packageversion",
      "octopus_forcepush",
      "octopus_branch_override_enabled",
      "octopus_branch_override_value",
      "octopus_verbose_logging",
      "octopus_additionalcommandlinearguments",
      "octopus_since_deployed_environment",
      "octopus_project",
    ]);
    const spec = (name: string) => params.find((param) => param.name === name)?.spec ?? "";
    expect(spec("secure:octopus_apikey")).toMatch(/^password /);
    expect(spec("octopus_forcepush")).toContain("data_2='true' label_2='Overwrite existing'");
    expect(spec("octopus_forcepush")).toContain("data_3='IgnoreIfExists'");
    expect(spec("octopus_packageid")).toContain("validationMode='not_empty'");
    // No value is substituted into the script's text: only the agent tool's path is. Each setting
    // reaches the script through exactly one env.* parameter, hidden from the UI.
    expect([...script.matchAll(/%([^%\s]+)%/g)].map((match) => match[1])).toEqual([
      "teamcity.tool.buildinfo",
    ]);
    expect(envParams.map((param) => param.value).sort()).toEqual(
      params.map((param) => `%${param.name}%`).sort(),
    );
    for (const param of envParams) expect(param.spec).toMatch(/display='hidden'/);
  });

  /** The step as the agent runs it: the substituted script, by sh, in the checkout, with the agent's environment. */
  async function runStep(
    values: Record<string, string>,
    agent: { cwd?: string; buildFile?: string } = {},
  ): Promise<{ code: number | null; log: string }> {
    const defaults = Object.fromEntries(params.map((param) => [param.name, param.value ?? ""]));
    const resolved = { ...defaults, ...values, "teamcity.tool.buildinfo": toolDir };
    const content = substitute(script, resolved);
    const stepEnv = Object.fromEntries(
      envParams.map((param) => [param.name.slice("env.".length), substitute(param.value ?? "", resolved)]),
    );
    const run = await runProcess("sh", ["-c", content], {
      cwd: agent.cwd ?? dir,
      env: {
        PATH: "/usr/bin:/bin",
        HOME: dir,
        TEAMCITY_VERSION: "2025.03 (build 186049)",
        BUILD_NUMBER: "2.3.4411",
        TEAMCITY_BUILD_PROPERTIES_FILE: agent.buildFile ?? properties.buildFile,
        ...stepEnv,
      },
    });
    return { code: run.code, log: `${run.stdout}${run.stderr}` };
  }

  it("pushes every package through the agent tool's executable, the API key only in its environment", async () => {
    const run = await runStep({
      octopus_host: server.url,
      "secure:octopus_apikey": apiKey,
      octopus_space_name: "Default",
      octopus_packageid: "Acme.Web\r\nAcme.Api\n",
      octopus_packageversion: "2.3.4411",
      octopus_forcepush: "IgnoreIfExists",
      octopus_branch_override_enabled: "true",
      octopus_branch_override_value: "release/'$(touch pwned)'",
      // octo's options, as the official runner's additional arguments hold them, pass too.
      octopus_additionalcommandlinearguments:
        "--build-environment TeamCity-Agent* --logLevel=verbose --timeout 600",
    });

    expect(run.log).not.toContain(apiKey);
    expect(run.code).toBe(0);
    const records = recordsOf(server, "2.3.4411");
    expect(records.map((record) => record.PackageId).sort()).toEqual(["Acme.Api", "Acme.Web"]);
    expect(records[0]).toMatchObject({
      BuildEnvironment: "TeamCity-Agent*",
      BuildNumber: "2.3.4411",
      BuildUrl: `${teamcity.url}/viewLog.html?buildId=4411`,
      // The value stayed data: no shell ran it.
      Branch: "release/'$(touch pwned)'",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: sha(2),
    });
    expect(existsSync(join(dir, "pwned"))).toBe(false);
    expect(records[0]?.Commits.map((commit) => commit.Id)).toEqual([sha(2), sha(1)]);
    const posts = server.requests.filter((request) => request.method === "POST");
    expect(posts.map((request) => JSON.parse(request.body).OverwriteMode)).toEqual([
      "IgnoreIfExists",
      "IgnoreIfExists",
    ]);
    expect(posts[0]?.headers["x-octopus-apikey"]).toBe(apiKey);
    expect(teamcity.requests[0]?.path).toBe("/httpAuth/app/rest/changes");
  });

  it("runs no part of a value as code: not a line ending a here-document, nor $(...) or backticks", async () => {
    // A branch or a %build.number% set by a service message is any text: here the old here-document
    // delimiter on a line of its own, then commands, then a new here-document to swallow the rest.
    const hostile = (tag: string) =>
      `release/${tag}\n__BUILDINFO_VALUE__\ntouch pwned-${tag}-line\n: <<'__BUILDINFO_VALUE__'\n` +
      `$(touch pwned-${tag}-subst) \`touch pwned-${tag}-tick\` '"; touch pwned-${tag}-quote`;
    const base = {
      octopus_host: server.url,
      "secure:octopus_apikey": apiKey,
      octopus_packageid: "Acme.Hostile",
      octopus_forcepush: "true",
    };
    const branched = await runStep({
      ...base,
      octopus_packageversion: "9.9.1",
      octopus_branch_override_enabled: "true",
      octopus_branch_override_value: hostile("branch"),
    });
    const versioned = await runStep({ ...base, octopus_packageversion: hostile("version") });

    expect(readdirSync(dir).filter((name) => name.startsWith("pwned"))).toEqual([]);
    expect(branched.code).toBe(0);
    // The value arrived whole, as data.
    expect(recordsOf(server, "9.9.1")[0]?.Branch).toBe(hostile("branch"));
    expect(versioned.code).toBe(2);
    expect(versioned.log).toMatch(/version/i);
  });

  it("maps the official force-push values to overwrite modes, and fails a second push that does not overwrite", async () => {
    const base = {
      octopus_host: server.url,
      "secure:octopus_apikey": apiKey,
      octopus_packageid: "Acme.Web",
      octopus_packageversion: "2.3.4411",
    };
    const failed = await runStep({ ...base, octopus_forcepush: "false" });
    expect(failed.code).toBe(1);
    expect(failed.log).toContain("##teamcity[buildProblem");
    const overwritten = await runStep({
      ...base,
      octopus_forcepush: "true",
      octopus_verbose_logging: "true",
    });
    expect(overwritten.code).toBe(0);
    expect(overwritten.log).not.toContain(apiKey);
    const modes = server.requests
      .filter((request) => request.method === "POST")
      .slice(-2)
      .map((request) => JSON.parse(request.body).OverwriteMode);
    expect(modes).toEqual(["FailIfExists", "OverwriteExisting"]);
  });

  it("stops with exit 2 and sends nothing when the version is empty", async () => {
    const posts = pushBodies(server).length;
    const run = await runStep({
      octopus_host: server.url,
      "secure:octopus_apikey": apiKey,
      octopus_packageid: "Acme.Web",
    });
    expect(run.code).toBe(2);
    expect(run.log).toMatch(/version/i);
    expect(pushBodies(server)).toHaveLength(posts);
  });

  it("pushes the commits since the deployed one with the environment and project settings", async () => {
    const repo = await createTempGitRepo({
      commits: ["SHOP-1 show prices", "SHOP-2 cache prices", "SHOP-3 round prices"].map((message) => ({
        message,
      })),
      remoteUrl: "git@github.com:acme/shop-web.git",
    });
    const checkout = await buildProperties("2.3.4412", repo.shas[2]!);
    try {
      await octopusScenario({ url: server.url, apiKey }).deployedRelease({
        project: "Shop",
        environment: "Production",
        commits: { "Acme.Deployed": repo.shas[0]! },
      });

      const base = {
        octopus_host: server.url,
        "secure:octopus_apikey": apiKey,
        octopus_packageid: "Acme.Deployed",
        octopus_packageversion: "2.3.4412",
        octopus_since_deployed_environment: "Production",
      };
      const alone = await runStep(base, { cwd: repo.dir, buildFile: checkout.buildFile });
      expect(alone.code).toBe(2);
      expect(alone.log).toContain("--since-deployed needs --project.");
      const run = await runStep(
        { ...base, octopus_project: "Shop" },
        { cwd: repo.dir, buildFile: checkout.buildFile },
      );
      expect(run.code, run.log).toBe(0);
      expect(recordsOf(server, "2.3.4412")[0]?.Commits.map(({ Id, Comment }) => ({ Id, Comment }))).toEqual(
        repo.octopusCommits(`${repo.shas[0]}..${repo.shas[2]}`),
      );
    } finally {
      await checkout.cleanup();
      await repo.cleanup();
    }
  });
});
