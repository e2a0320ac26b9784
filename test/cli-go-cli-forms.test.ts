import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

/**
 * The forms the Go CLI's `octopus build-information upload` accepts (OctopusDeploy/cli
 * pkg/cmd/buildinformation/upload/upload.go, root flags in pkg/cmd/root/root.go; docs/cli.md lists
 * them), run through the built CLI against the local Octopus server.
 */
describe("buildinfo build-information upload|push in the Go CLI's forms", () => {
  let server: LocalOctopusServer;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await startOctopusServer({
      spaces: [
        { Id: "Spaces-1", Name: "Default", IsDefault: true },
        { Id: "Spaces-7", Name: "Shop" },
      ],
    });
    dir = await mkdtemp(join(tmpdir(), "buildinfo-go-cli-"));
    file = join(dir, "buildinfo.octopus");
    await writeFile(
      file,
      JSON.stringify({
        BuildEnvironment: "Jenkins",
        BuildNumber: "57",
        BuildUrl: "https://ci.example.com/job/shop/57/",
        Branch: "main",
        VcsType: "Git",
        VcsRoot: "https://github.com/acme/shop",
        VcsCommitNumber: "c0ffee1234567890c0ffee1234567890c0ffee12",
        Commits: [{ Id: "c0ffee1234567890c0ffee1234567890c0ffee12", Comment: "SHOP-7 cache prices" }],
      }),
    );
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const env = () => ({ OCTOPUS_URL: server.url, OCTOPUS_API_KEY: server.apiKey });
  const goCli = (args: string[]) =>
    runCli(["build-information", ...args, "--file", file], { env: env(), cwd: dir });
  const stored = (packageId: string, version: string) =>
    server.records().filter((record) => record.PackageId === packageId && record.Version === version);

  it("takes bare arguments after upload as package ids, with -p and --no-prompt", async () => {
    const result = await goCli(["upload", "Go.A", "Go.B", "-p", "Go.C", "--version", "1.0.0", "--no-prompt"]);
    expect(result.code, result.stderr).toBe(0);
    for (const id of ["Go.A", "Go.B", "Go.C"]) expect(stored(id, "1.0.0")).toHaveLength(1);
  });

  it("accepts push as upload's alias, build-info as build-information's, and -s for the space", async () => {
    const viaPush = await goCli(["push", "Go.Push", "--version", "1.0.0", "-s", "Shop"]);
    expect(viaPush.code, viaPush.stderr).toBe(0);
    expect(stored("Go.Push", "1.0.0")[0]?.SpaceId).toBe("Spaces-7");
    const short = await runCli(["build-info", "upload", "Go.Short", "--version", "1.0.0", "--file", file], {
      env: env(),
      cwd: dir,
    });
    expect(short.code, short.stderr).toBe(0);
    expect(stored("Go.Short", "1.0.0")).toHaveLength(1);
  });

  it("takes --overwrite and --overwritemode as --overwrite-mode, and replace as OverwriteExisting", async () => {
    expect((await goCli(["upload", "Go.Mode", "--version", "2.0.0"])).code).toBe(0);
    for (const [flag, value] of [
      ["--overwrite", "replace"],
      ["--overwritemode", "overwrite"],
      ["--overwrite-mode", "Replace"],
    ] as const) {
      const result = await goCli(["upload", "Go.Mode", "--version", "2.0.0", flag, value]);
      expect(result.code, `${flag} ${value}: ${result.stderr}`).toBe(0);
    }
    const posts = server.requests.filter(
      (request) => request.method === "POST" && request.body.includes('"PackageId":"Go.Mode"'),
    );
    expect(posts.map((request) => request.query.get("overwriteMode"))).toEqual([
      "FailIfExists",
      "OverwriteExisting",
      "OverwriteExisting",
      "OverwriteExisting",
    ]);
    const clash = await goCli([
      "upload",
      "Go.Mode",
      "--version",
      "2.0.0",
      "--overwrite",
      "ignore",
      "--overwrite-mode",
      "fail",
    ]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("disagree");
  });

  it("prints the JSON summary for -f json and --output-format json, and refuses an unknown format", async () => {
    for (const flag of [
      ["-f", "json"],
      ["--output-format", "json"],
      ["--outputFormat", "json"],
    ]) {
      const result = await goCli(["upload", "Go.Json", "--version", `3.0.${flag[0]!.length}`, ...flag]);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ pushed: 1, failed: 0 });
    }
    const table = await goCli(["upload", "Go.Table", "--version", "3.1.0", "-f", "table"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("1 of 1 pushed.");
    const unknown = await goCli(["upload", "Go.Json", "--version", "3.2.0", "-f", "jsn"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Did you mean 'json'?");
  });

  it("suggests upload for a mistyped subcommand and sends nothing", async () => {
    const before = server.requests.length;
    const result = await goCli(["uplaod", "Go.Typo", "--version", "1.0.0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Did you mean 'upload'?");
    expect(server.requests.length).toBe(before);
  });
});
