// The Bamboo Specs' script task run as a Bamboo agent runs it: the script body from bamboo.yml, by sh,
// in a real checkout, with the bamboo_* variables Bamboo exports (the API key in a secret variable) and
// the buildinfo executable in the capability's folder — against the local Octopus server.
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, octopusScenario, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runProcess } from "../../../packages/cli/test/helpers/run-cli";
import {
  releaseBuildTimeout,
  writeBuildinfoExecutable,
} from "../../../test/support/wrappers/buildinfo-executable";
import { pushBodies, recordsOf } from "../../../test/support/wrappers/octopus-pushes";

const wrapperDir = fileURLToPath(new URL("../", import.meta.url));
const specs = parse(readFileSync(join(wrapperDir, "bamboo-specs/bamboo.yml"), "utf8")) as {
  variables: Record<string, string>;
  Package: { requirements: string[]; tasks: { script?: { interpreter: string; scripts: string[] } }[] };
};
const scriptTask = specs.Package.tasks.find((task) => task.script)?.script;
const script = scriptTask?.scripts[0] ?? "";
const apiKey = "API-BAMBOOSPECSSECRETKEY00000000";

describe("the Bamboo Specs' script task", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;
  let dir: string;
  let capability: string;

  beforeAll(async () => {
    server = await startOctopusServer({ apiKeys: [apiKey] });
    repo = await createTempGitRepo({
      commits: [
        { message: "Initial commit" },
        { message: "SHOP-3 add search" },
        { message: "SHOP-4 page results" },
      ],
      remoteUrl: "git@bitbucket.org:acme/shop-web.git",
    });
    dir = await mkdtemp(join(tmpdir(), "buildinfo-bamboo-"));
    capability = await writeBuildinfoExecutable(join(dir, "buildinfo"));
  }, releaseBuildTimeout);

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The variables Bamboo exports to a script task of build SHOP-WEB-PACKAGE-31 (`.` becomes `_`). */
  async function runScript(
    variables: Record<string, string | undefined>,
  ): Promise<{ code: number | null; log: string }> {
    const env = {
      PATH: "/usr/bin:/bin",
      HOME: dir,
      bamboo_planKey: "SHOP-WEB",
      bamboo_buildKey: "SHOP-WEB-PACKAGE",
      bamboo_buildNumber: "31",
      bamboo_buildResultKey: "SHOP-WEB-PACKAGE-31",
      bamboo_buildResultsUrl: "https://bamboo.example.com/browse/SHOP-WEB-PACKAGE-31",
      bamboo_planRepository_1_repositoryUrl: "git@bitbucket.org:acme/shop-web.git",
      bamboo_planRepository_1_type: "bbCloud",
      bamboo_planRepository_1_branchName: "main",
      bamboo_planRepository_1_revision: repo.shas[2]!,
      bamboo_planRepository_1_previousRevision: repo.shas[0]!,
      bamboo_planRepository_repositoryUrl: "git@bitbucket.org:acme/shop-web.git",
      bamboo_planRepository_type: "bbCloud",
      bamboo_planRepository_branchName: "main",
      bamboo_planRepository_revision: repo.shas[2]!,
      bamboo_planRepository_previousRevision: repo.shas[0]!,
      bamboo_repository_revision_number: repo.shas[2]!,
      bamboo_repository_previous_revision_number: repo.shas[0]!,
      bamboo_capability_buildinfo: capability,
      bamboo_octopus_server: server.url,
      bamboo_octopus_space: "Default",
      bamboo_octopus_packages: "Acme.Web, Acme.Api",
      bamboo_octopus_secret_apikey: apiKey,
      ...variables,
    };
    const run = await runProcess("sh", ["-c", script], { cwd: repo.dir, env });
    return { code: run.code, log: `${run.stdout}${run.stderr}` };
  }

  it("declares a shell script task, the buildinfo capability and a secret variable for the API key", () => {
    expect(scriptTask?.interpreter).toBe("SHELL");
    expect(specs.Package.requirements).toEqual(["buildinfo"]);
    // Bamboo masks variables whose names contain password, secret, passphrase or sshkey.
    const secret = Object.keys(specs.variables).filter((name) =>
      /password|secret|passphrase|sshkey/i.test(name),
    );
    expect(secret).toContain("octopus.secret.apikey");
    expect(script).toContain('"$bamboo_octopus_secret_apikey"');
    // Values come from the environment, never from ${bamboo.…} substitution into the script's text.
    expect(script).not.toMatch(/\$\{bamboo\./);
  });

  it("pushes the build's information for every package, from the checkout's commits", async () => {
    const run = await runScript({
      bamboo_octopus_overwritemode: "OverwriteExisting",
      bamboo_octopus_verbose: "true",
    });

    expect(run.log).not.toContain(apiKey);
    expect(run.code).toBe(0);
    const records = recordsOf(server, "31");
    expect(records.map((record) => record.PackageId).sort()).toEqual(["Acme.Api", "Acme.Web"]);
    expect(records[0]).toMatchObject({
      BuildEnvironment: "Bamboo",
      BuildNumber: "31",
      BuildUrl: "https://bamboo.example.com/browse/SHOP-WEB-PACKAGE-31",
      Branch: "main",
      VcsRoot: "https://bitbucket.org/acme/shop-web",
      VcsCommitNumber: repo.shas[2],
    });
    expect(records[0]?.Commits.map((commit) => commit.Comment)).toEqual([
      "SHOP-4 page results",
      "SHOP-3 add search",
    ]);
    const push = server.requests.find((request) => request.method === "POST");
    expect(push?.headers["x-octopus-apikey"]).toBe(apiKey);
    expect(JSON.parse(push?.body ?? "{}").OverwriteMode).toBe("OverwriteExisting");
    // --verbose logs the payload.
    expect(run.log).toContain('"PackageId"');
  });

  it("pushes the commits since the deployed one with octopus.since.deployed and octopus.project", async () => {
    await octopusScenario({ url: server.url, apiKey }).deployedRelease({
      project: "Shop",
      environment: "Production",
      commits: { "Acme.Web": repo.shas[1]! },
    });

    const run = await runScript({
      bamboo_octopus_packages: "Acme.Web",
      bamboo_octopus_version: "32",
      bamboo_octopus_since_deployed: "Production",
      bamboo_octopus_project: "Shop",
    });
    expect(run.code, run.log).toBe(0);
    // Bamboo's own range is two commits (since the previous revision); since the deployed one, one.
    expect(recordsOf(server, "32")[0]?.Commits.map((commit) => commit.Comment)).toEqual([
      "SHOP-4 page results",
    ]);
  });

  it("refuses to run without the capability, rather than a buildinfo found in the checkout", async () => {
    const planted = join(repo.dir, "buildinfo");
    writeFileSync(planted, `#!/bin/sh\ntouch ${JSON.stringify(join(repo.dir, "planted-ran"))}\n`);
    chmodSync(planted, 0o755);
    try {
      const run = await runScript({ bamboo_capability_buildinfo: undefined });

      expect(run.code).not.toBe(0);
      expect(run.log).toContain("set the agent capability buildinfo");
      expect(existsSync(join(repo.dir, "planted-ran"))).toBe(false);
    } finally {
      rmSync(planted);
    }
  });

  it("keeps a hostile variable value as data, and fails with exit 2 on an invalid version", async () => {
    const posts = pushBodies(server).length;
    const run = await runScript({ bamboo_octopus_version: "$(touch pwned) v1" });

    expect(run.code).toBe(2);
    expect(run.log).toMatch(/version/i);
    expect(pushBodies(server)).toHaveLength(posts);
    expect(existsSync(join(repo.dir, "pwned"))).toBe(false);
  });

  it("keeps the Java Specs' script the same as the YAML's", () => {
    const java = readFileSync(join(wrapperDir, "java/BuildinfoSpec.java"), "utf8");
    const body = /PUSH_SCRIPT = String\.join\("\\n",\n([\s\S]*?)\);\n\n/.exec(java)?.[1] ?? "";
    const lines = [...body.matchAll(/^\s*"((?:[^"\\]|\\.)*)"[,]?$/gm)].map((match) =>
      JSON.parse(`"${match[1]}"`),
    );
    expect(lines.join("\n")).toBe(script);
  });
});
