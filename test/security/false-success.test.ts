import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createFaultQueue } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../../packages/cli/test/helpers/push-args";
import { runCli } from "../../packages/cli/test/helpers/run-cli";
import { octopusLike, startHostileServer, testKey } from "./hostile-octopus";

describe("finding 6: no false success, no false failure", () => {
  let server: LocalOctopusServer;
  const faults = createFaultQueue();
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    dir = await mkdtemp(join(tmpdir(), "buildinfo-outcomes-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(file, JSON.stringify({ BuildEnvironment: "Test", VcsType: "Git", Commits: [] }));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a POST answering 200 {} is a bad answer, not 'created …/undefined' with exit 0", async () => {
    const odd = await startHostileServer(octopusLike({ post: { status: 200, body: "{}" } }));
    const result = await runCli(
      pushArgs({ url: odd.url, apiKey: testKey }, "Shop", "1.0.0", ["--file", file]),
      {
        cwd: dir,
      },
    );
    await odd.close();
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain("undefined");
    expect(result.stderr).toContain("E_BAD_RESPONSE");
  });

  it("IgnoreIfExists with identical content reports the second push as ignored", async () => {
    const args = pushArgs(server, "Shop.Same", "1.0.0", [
      "--file",
      file,
      "--overwrite-mode",
      "IgnoreIfExists",
      "--json",
    ]);
    const first = await runCli(args, { cwd: dir });
    const second = await runCli(args, { cwd: dir });
    const outcome = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { results: { outcome: string }[] }).results[0]?.outcome;
    expect(outcome(first)).toBe("created");
    expect(outcome(second)).toBe("ignored");
  });

  for (const fault of [
    {
      name: "a reset after storing, on every attempt",
      inject: { kind: "reset-after-store" as const, times: 10 },
    },
    {
      name: "a 500 after storing, on every attempt",
      inject: { kind: "status" as const, status: 500, afterStore: true, times: 10 },
    },
  ]) {
    it(`${fault.name}: the record is read back, matches, and the push says so (exit 0)`, async () => {
      const packageId = `Shop.Lost${fault.inject.kind === "status" ? "500" : "Reset"}`;
      faults.inject({ ...fault.inject, match: { method: "POST" } });
      const result = await runCli(
        pushArgs(server, packageId, "1.0.0", ["--file", file, "--timeout", "20s"]),
        {
          cwd: dir,
        },
      );
      faults.clear();
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/created\s+Shop\.Lost\S* 1\.0\.0/);
      expect(result.stdout).toContain("read back and matches this build");
      expect(server.records().filter((record) => record.PackageId === packageId)).toHaveLength(1);
    });
  }

  it("a failure after storing a different record stays a failure", async () => {
    await runCli(pushArgs(server, "Shop.Other", "1.0.0", ["--file", file, "--build-number", "1"]), {
      cwd: dir,
    });
    faults.inject({ kind: "status", status: 500, times: 10, match: { method: "POST" } });
    const result = await runCli(
      pushArgs(server, "Shop.Other", "1.0.0", [
        "--file",
        file,
        "--build-number",
        "2",
        "--overwrite-mode",
        "IgnoreIfExists",
      ]),
      { cwd: dir },
    );
    faults.clear();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("E_HTTP_5XX");
  });
});
