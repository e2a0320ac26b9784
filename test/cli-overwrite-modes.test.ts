import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";

function buildFile(buildNumber: string): string {
  return JSON.stringify({
    BuildEnvironment: "Jenkins",
    BuildNumber: buildNumber,
    BuildUrl: `https://ci.example.com/job/shop/${buildNumber}/`,
    Branch: "main",
    VcsType: "Git",
    VcsRoot: "https://github.com/acme/shop",
    VcsCommitNumber: "0123456789abcdef0123456789abcdef01234567",
    Commits: [{ Id: "0123456789abcdef0123456789abcdef01234567", Comment: `Build ${buildNumber}` }],
  });
}

describe("buildinfo push --overwrite-mode", () => {
  let server: LocalOctopusServer;
  let dir: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    server = await startOctopusServer();
    dir = await mkdtemp(join(tmpdir(), "buildinfo-overwrite-"));
    first = join(dir, "first.json");
    second = join(dir, "second.json");
    await writeFile(first, buildFile("57"));
    await writeFile(second, buildFile("58"));
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const push = (file: string, packageIds: string[], version: string, extra: string[] = [], env = {}) =>
    runCli(pushArgs(server, packageIds, version, ["--file", file, ...extra]), { cwd: dir, env });

  const stored = (packageId: string, version: string) =>
    server.records().filter((record) => record.PackageId === packageId && record.Version === version);

  it("FailIfExists (the default): a second push gets 409, exits 1 and names the package; the others are still pushed", async () => {
    expect((await push(first, ["Shop.Web"], "1.0.0")).code).toBe(0);
    const result = await push(second, ["Shop.Web", "Shop.Api"], "1.0.0", [
      "--overwrite-mode",
      "FailIfExists",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAILED\s+Shop\.Web 1\.0\.0\s+E_HTTP_409/);
    expect(result.stdout).toMatch(/created\s+Shop\.Api 1\.0\.0/);
    expect(result.stderr).toContain("1 of 2 packages were not pushed: Shop.Web 1.0.0");
    expect(result.stderr).toMatch(/IgnoreIfExists|OverwriteExisting/);
    expect(stored("Shop.Web", "1.0.0").map((record) => record.BuildNumber)).toEqual(["57"]);
    expect(stored("Shop.Api", "1.0.0").map((record) => record.BuildNumber)).toEqual(["58"]);
  });

  it("IgnoreIfExists (also spelled 'ignore'): exits 0 and leaves the stored record as it was", async () => {
    expect((await push(first, ["Shop.Worker"], "2.0.0")).code).toBe(0);
    const result = await push(second, ["Shop.Worker"], "2.0.0", ["--overwrite-mode", "ignore"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ignored\s+Shop\.Worker 2\.0\.0/);
    expect(stored("Shop.Worker", "2.0.0").map((record) => record.BuildNumber)).toEqual(["57"]);
    const posts = server.requests.filter(
      (request) => request.method === "POST" && request.body.includes("Shop.Worker"),
    );
    expect(posts.at(-1)?.query.get("overwriteMode")).toBe("IgnoreIfExists");
    expect(JSON.parse(posts.at(-1)!.body)).toMatchObject({ OverwriteMode: "IgnoreIfExists" });
  });

  it("OverwriteExisting (also spelled 'overwrite'): exits 0 and replaces the stored record", async () => {
    expect((await push(first, ["Shop.Jobs"], "3.0.0")).code).toBe(0);
    const result = await push(second, ["Shop.Jobs"], "3.0.0", ["--overwrite-mode", "overwrite"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/overwritten\s+Shop\.Jobs 3\.0\.0/);
    expect(stored("Shop.Jobs", "3.0.0").map((record) => record.BuildNumber)).toEqual(["58"]);
  });

  it("on a CI re-run without --overwrite-mode, uses IgnoreIfExists and says so", async () => {
    expect((await push(first, ["Shop.Cron"], "4.0.0")).code).toBe(0);
    const result = await push(second, ["Shop.Cron"], "4.0.0", [], { GITHUB_RUN_ATTEMPT: "2" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("GITHUB_RUN_ATTEMPT=2");
    expect(result.stderr).toContain("IgnoreIfExists");
    expect(stored("Shop.Cron", "4.0.0").map((record) => record.BuildNumber)).toEqual(["57"]);
  });

  it("rejects an unknown mode with exit 2 and no request", async () => {
    const before = server.requests.length;
    const result = await push(first, ["Shop.Web"], "5.0.0", ["--overwrite-mode", "sometimes"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("sometimes");
    expect(server.requests.length).toBe(before);
  });
});
