import { lstat, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../../packages/cli/test/helpers/push-args";
import { runCli } from "../../packages/cli/test/helpers/run-cli";

describe("finding 7: files and trust", () => {
  let dir: string;
  let file: string;
  let server: LocalOctopusServer;
  const realKey = "API-REALSECRETKEY00000000000";
  const lookalike = "API-ABCDEFGHIJKLMNOPQRSTUV1234";

  beforeAll(async () => {
    server = await startOctopusServer({ apiKeys: [realKey] });
    dir = await mkdtemp(join(tmpdir(), "buildinfo-trust-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(
      file,
      JSON.stringify({
        BuildEnvironment: "Test",
        BuildUrl: "https://ci:hunter2@ci.example.com/job/shop/7/?token=abc123&view=log&access_token=t&sig=s",
        VcsType: "Git",
        Commits: [
          { Id: "b".repeat(40), Comment: `Rotate ${lookalike}; Bearer abcdefghijklmnop; leaked ${realKey}` },
        ],
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("collect --output replaces a symlink instead of writing through it, and leaves no temp file", async () => {
    const victim = join(dir, "victim.txt");
    await writeFile(victim, "precious");
    const out = join(dir, "out.json");
    await symlink(victim, out);
    const result = await runCli(["collect", "--file", file, "--output", out], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(victim, "utf8")).toBe("precious");
    expect((await lstat(out)).isSymbolicLink()).toBe(false);
    expect(JSON.parse(await readFile(out, "utf8"))).toMatchObject({ BuildEnvironment: "Test" });
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("serve --persist writes through no planted symlink: a random temporary name, created exclusively and owner-only", async () => {
    const victim = join(dir, "persist-victim.txt");
    await writeFile(victim, "precious");
    const persistPath = join(dir, "records.json");
    // Every name the old `<file>.<pid>.<n>.tmp` scheme would have used for this process's first writes.
    for (let write = 1; write <= 5; write++) {
      await symlink(victim, `${persistPath}.${process.pid}.${write}.tmp`);
    }
    const persisting = await startOctopusServer({ persistPath, apiKeys: [realKey] });
    try {
      const pushed = await runCli(pushArgs(persisting, "Shop.Persist", "1.0.0", ["--file", file]), {
        cwd: dir,
      });
      expect(pushed.code, pushed.stderr).toBe(0);
    } finally {
      await persisting.close();
    }
    expect(await readFile(victim, "utf8")).toBe("precious");
    const persisted = JSON.parse(await readFile(persistPath, "utf8")) as { records: { PackageId: string }[] };
    expect(persisted.records.map((record) => record.PackageId)).toEqual(["Shop.Persist"]);
    expect((await stat(persistPath)).mode & 0o777).toBe(0o600);
    // Only the planted links are left: no temporary file of the server's own.
    const temporaries = (await readdir(dir)).filter((name) => name.endsWith(".tmp"));
    expect(temporaries).toHaveLength(5);
    for (const name of temporaries) expect((await lstat(join(dir, name))).isSymbolicLink()).toBe(true);
  });

  it("warns loudly when NODE_TLS_REJECT_UNAUTHORIZED=0 turns certificate checks off", async () => {
    const result = await runCli(["collect", "--file", file], {
      cwd: dir,
      env: { NODE_TLS_REJECT_UNAUTHORIZED: "0" },
    });
    expect(result.stderr).toMatch(/warning: NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks/);
  });

  it("warns when the API key would go over plain http to another machine, not to loopback", async () => {
    const remote = await runCli(
      [
        "push",
        "--server",
        "http://octopus.invalid",
        "--api-key",
        realKey,
        "--package-id",
        "P",
        "--version",
        "1.0.0",
        "--file",
        file,
        "--timeout",
        "3s",
      ],
      { cwd: dir },
    );
    expect(remote.stderr).toContain("over plain http");
    expect(remote.stderr).not.toContain(realKey);
    const local = await runCli(pushArgs(server, "Shop.Local", "1.0.0", ["--file", file]), { cwd: dir });
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).not.toContain("over plain http");
  });

  it("strips userinfo and credential query parameters from BuildUrl, keeping the rest", async () => {
    const result = await runCli(["collect", "--file", file], { cwd: dir });
    const { BuildUrl } = JSON.parse(result.stdout) as { BuildUrl: string };
    expect(BuildUrl).toBe("https://ci.example.com/job/shop/7/?view=log");
    await runCli(pushArgs(server, "Shop.Url", "1.0.0", ["--file", file]), { cwd: dir });
    expect(server.records().find((record) => record.PackageId === "Shop.Url")?.BuildUrl).toBe(BuildUrl);
  });

  it("never rewrites build information by pattern; only the known key is masked in output", async () => {
    const result = await runCli(
      ["push", "--dry-run", "--package-id", "P", "--version", "1.0.0", "--file", file],
      {
        cwd: dir,
        env: { OCTOPUS_API_KEY: realKey },
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(lookalike);
    expect(result.stdout).toContain("Bearer abcdefghijklmnop");
    expect(result.stdout).not.toContain(realKey);
    const collected = await runCli(["collect", "--file", file], { cwd: dir });
    expect(
      (JSON.parse(collected.stdout) as { Commits: { Comment: string }[] }).Commits[0]?.Comment,
    ).toContain(lookalike);
  });

  it("cuts quoted values in messages to 120 characters", async () => {
    const long = `--${"x".repeat(5000)}`;
    const result = await runCli(["collect", long], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.length).toBeLessThan(600);
    expect(result.stderr).toContain(`'${long.slice(0, 120)}…'`);
  });
});
