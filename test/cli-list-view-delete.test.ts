import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

describe("buildinfo list, view and delete", () => {
  let server: LocalOctopusServer;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await startOctopusServer();
    env = { OCTOPUS_URL: server.url, OCTOPUS_API_KEY: server.apiKey };
    dir = await mkdtemp(join(tmpdir(), "buildinfo-list-"));
    const file = join(dir, "octopus.buildinfo");
    await writeFile(
      file,
      JSON.stringify({
        BuildEnvironment: "GitHub Actions",
        BuildNumber: "12",
        Branch: "main",
        VcsType: "Git",
        VcsRoot: "https://github.com/acme/shop",
        VcsCommitNumber: "0123456789abcdef0123456789abcdef01234567",
        Commits: [
          { Id: "0123456789abcdef0123456789abcdef01234567", Comment: "SHOP-3 speed up checkout\n\nFixes #9" },
        ],
      }),
    );
    for (const version of ["1.0.0", "1.1.0"]) {
      const result = await runCli(
        [
          "push",
          "--package-id",
          "Shop.Web",
          "--package-id",
          "Shop.Api",
          "--version",
          version,
          "--file",
          file,
        ],
        {
          env,
          cwd: dir,
        },
      );
      expect(result.code, result.stderr).toBe(0);
    }
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("lists records as a table for people", async () => {
    const result = await runCli(["list"], { env });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ID\s+PACKAGE\s+VERSION\s+BRANCH\s+BUILD\s+COMMITS\s+CREATED$/);
    expect(lines).toHaveLength(5);
    expect(result.stdout).toMatch(
      /BuildInformation-\d+\s+Shop\.Web\s+1\.1\.0\s+main\s+GitHub Actions 12\s+1/,
    );
  });

  it("lists as JSON with --json, filtered by package and version, latest and paged", async () => {
    const byPackage = await runCli(["list", "--package-id", "Shop.Api", "--json"], { env });
    expect(byPackage.code, byPackage.stderr).toBe(0);
    const page = JSON.parse(byPackage.stdout) as { TotalResults: number; Items: { PackageId: string }[] };
    expect(page.Items.map((item) => item.PackageId)).toEqual(["Shop.Api", "Shop.Api"]);

    const latest = JSON.parse((await runCli(["list", "--latest", "--json"], { env })).stdout) as {
      Items: { Version: string }[];
    };
    expect(latest.Items.map((item) => item.Version)).toEqual(["1.1.0", "1.1.0"]);

    const paged = JSON.parse(
      (await runCli(["list", "--take", "1", "--skip", "1", "--json"], { env })).stdout,
    ) as {
      TotalResults: number;
      Items: unknown[];
    };
    expect(paged.TotalResults).toBe(4);
    expect(paged.Items).toHaveLength(1);

    const filtered = JSON.parse((await runCli(["list", "--filter", "1.1", "--json"], { env })).stdout) as {
      Items: { Version: string }[];
    };
    expect(filtered.Items.map((item) => item.Version)).toEqual(["1.1.0", "1.1.0"]);
  });

  it("views one record, as text and as JSON", async () => {
    const [record] = server.records();
    const text = await runCli(["view", record!.Id], { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Id:`);
    expect(text.stdout).toContain(record!.Id);
    expect(text.stdout).toContain("SHOP-3 speed up checkout");
    const json = await runCli(["view", record!.Id, "--json"], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ Id: record!.Id, PackageId: record!.PackageId });
  });

  it("deletes one record, and then view exits 1", async () => {
    const record = server.records().at(-1)!;
    const deleted = await runCli(["delete", record.Id], { env });
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(record.Id);
    expect(server.records().some((stored) => stored.Id === record.Id)).toBe(false);
    const view = await runCli(["view", record.Id], { env });
    expect(view.code).toBe(1);
    expect(view.stderr).toContain(record.Id);
  });

  it("needs the id for view and delete", async () => {
    expect((await runCli(["view"], { env })).code).toBe(2);
    expect((await runCli(["delete"], { env })).code).toBe(2);
  });

  it("reads a bare number as a usage mistake, not a record to ask the server for", async () => {
    const before = server.requests.length;
    for (const command of ["view", "delete"]) {
      const result = await runCli([command, "11"], { env });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `'11' is not a record id. Did you mean BuildInformation-11? Run 'buildinfo ${command} BuildInformation-11'. code=E_USAGE`,
      );
    }
    expect(server.requests.length).toBe(before);
  });

  it("refuses an empty --space instead of using the default space, and sends nothing", async () => {
    const before = server.requests.length;
    for (const args of [
      ["list", "--space", ""],
      ["view", "BuildInformation-1", "--space="],
      ["list", "--take", " "],
    ]) {
      const result = await runCli(args, { env });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(/error: --(space|take) is empty\. .* code=E_USAGE/);
    }
    expect(server.requests.length).toBe(before);
  });
});
