import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

describe("buildinfo push: every input error exits 2 before any request", () => {
  let server: LocalOctopusServer;
  let repo: TempGitRepo;
  let dir: string;

  beforeAll(async () => {
    server = await startOctopusServer();
    repo = await createTempGitRepo({
      remoteUrl: "https://github.com/acme/shop.git",
      commits: [{ message: "First", files: { "a.txt": "a" } }],
    });
    dir = await mkdtemp(join(tmpdir(), "buildinfo-input-"));
  });

  afterAll(async () => {
    await server.close();
    await repo.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const push = (args: string[], env: Record<string, string> = {}) =>
    runCli(["push", "--server", server.url, "--api-key", server.apiKey, ...args], { cwd: repo.dir, env });

  async function expectUsageError(args: string[], mentions: string[], env: Record<string, string> = {}) {
    const before = server.requests.length;
    const result = await push(args, env);
    expect(result.code, result.stderr).toBe(2);
    for (const text of mentions) expect(result.stderr).toContain(text);
    expect(server.requests.length).toBe(before);
    expect(result.stdout).toBe("");
    return result;
  }

  it("rejects Subversion given with --vcs-type, naming it and the supported types", async () => {
    await expectUsageError(
      ["--package-id", "Acme.Web", "--version", "1.0.0", "--vcs-type", "svn"],
      ["svn", "--vcs-type", "Git"],
    );
  });

  it("rejects a file whose VcsType is Subversion", async () => {
    const file = join(dir, "svn.buildinfo");
    await writeFile(
      file,
      JSON.stringify({
        BuildEnvironment: "Jenkins",
        VcsType: "Subversion",
        VcsRoot: "https://svn.example.com/repo/trunk",
        Commits: [],
      }),
    );
    await expectUsageError(
      ["--package-id", "Acme.Web", "--version", "1.0.0", "--file", file],
      ["Subversion"],
    );
  });

  it("rejects a Subversion build outside any git checkout as unsupported, not as a git failure", async () => {
    const result = await runCli(["collect", "--from", "jenkins"], {
      cwd: dir,
      env: {
        JENKINS_URL: `${server.url}/`,
        BUILD_URL: `${server.url}/job/shop/7/`,
        BUILD_NUMBER: "7",
        SVN_REVISION: "1234",
        SVN_URL: "https://svn.example.com/shop/trunk",
      },
    });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("Subversion");
    expect(result.stderr).toContain("SVN_REVISION");
    expect(result.stderr).not.toMatch(/not a git repository/i);
    expect(result.stdout).toBe("");
  });

  it("rejects an invalid version", async () => {
    await expectUsageError(
      ["--package-id", "Acme.Web", "--version", "1.0.0.0.0-not valid"],
      ["--version", "1.0.0.0.0-not valid"],
    );
  });

  it("rejects an invalid package id", async () => {
    await expectUsageError(
      ["--package-id", "Acme Web!", "--version", "1.0.0"],
      ["--package-id", "Acme Web!"],
    );
  });

  it("rejects a missing package id and a missing version", async () => {
    await expectUsageError(["--version", "1.0.0"], ["--package-id"]);
    await expectUsageError(["--package-id", "Acme.Web"], ["--version"]);
  });

  it("rejects an unknown flag, naming it and suggesting the right one", async () => {
    await expectUsageError(
      ["--package-id", "Acme.Web", "--version", "1.0.0", "--pakage-id", "X"],
      ["--pakage-id", "--package-id"],
    );
  });

  it("rejects a flag without its value", async () => {
    await expectUsageError(["--package-id", "Acme.Web", "--version"], ["--version"]);
  });

  it("rejects a server URL that is not http(s)", async () => {
    const result = await runCli(
      [
        "push",
        "--server",
        "ftp://octopus.example.com",
        "--api-key",
        server.apiKey,
        "--package-id",
        "Acme.Web",
        "--version",
        "1.0.0",
      ],
      { cwd: repo.dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--server");
  });

  it("asks for the server and for credentials when neither flag nor variable gives them", async () => {
    const noServer = await runCli(["push", "--package-id", "Acme.Web", "--version", "1.0.0"], {
      cwd: repo.dir,
    });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toContain("OCTOPUS_URL");
    const noKey = await runCli(
      ["push", "--server", server.url, "--package-id", "Acme.Web", "--version", "1.0.0"],
      { cwd: repo.dir },
    );
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("OCTOPUS_API_KEY");
  });

  it("rejects --file together with --from", async () => {
    const file = join(dir, "ok.buildinfo");
    await writeFile(file, JSON.stringify({ BuildEnvironment: "Jenkins", VcsType: "Git", Commits: [] }));
    await expectUsageError(
      ["--package-id", "Acme.Web", "--version", "1.0.0", "--file", file, "--from", "git"],
      ["--from", "--file"],
    );
  });

  it("rejects an unknown adapter", async () => {
    await expectUsageError(
      ["--package-id", "Acme.Web", "--version", "1.0.0", "--from", "circleci"],
      ["circleci", "github-actions"],
    );
  });

  it("rejects an unknown command", async () => {
    const result = await runCli(["pusj"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("pusj");
  });

  it("echoes an unknown command as one line that no build server reads as a log command", async () => {
    const result = await runCli([
      `x\n##vso[task.setvariable variable=OCTOPUS_URL]http://attacker.example/${"y".repeat(300)}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("##vso[");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.length).toBeLessThan(400);
  });

  it("answers --help and --version with exit 0", async () => {
    const help = await runCli(["push", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--package-id");
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
