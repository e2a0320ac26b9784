import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

/** What the official TeamCity plugin writes for octo: UTF-16 LE with a BOM; here with lowercase keys too. */
function utf16LeWithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

const pluginFile = {
  buildenvironment: "TeamCity",
  buildnumber: "1.8.45",
  buildurl: "https://tc.example.com/buildConfiguration/Shop_Build/99812",
  branch: "refs/heads/main",
  vcstype: "jetbrains.git",
  vcsroot: "git@git.example.com:shop/web.git",
  vcscommitnumber: "c0ffee1234567890c0ffee1234567890c0ffee12",
  commits: [
    {
      id: "c0ffee1234567890c0ffee1234567890c0ffee12",
      comment: "Tidy logging\n\nSHOP-7 follow-up — naïve café",
    },
    { id: "badc0de234567890badc0de234567890badc0de2", comment: "Add price cache" },
  ],
  incompletedatawarning: "ignored: not a wire field",
};

describe("buildinfo build-information (octo's command line, as the Jenkins/TeamCity/Bamboo plugins run it)", () => {
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
    dir = await mkdtemp(join(tmpdir(), "buildinfo-octo-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(file, utf16LeWithBom(JSON.stringify(pluginFile, null, 2)));
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("pushes a UTF-16 LE file with lowercase keys, taking --apiKey and --debug", async () => {
    const result = await runCli(
      [
        "build-information",
        "--server",
        server.url,
        "--apiKey",
        server.apiKey,
        "--space",
        "Shop",
        "--package-id",
        "Shop.Web",
        "--version",
        "1.8.45",
        "--file",
        file,
        "--overwrite-mode",
        "FailIfExists",
        "--debug",
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const [record] = server.records();
    expect(record).toMatchObject({
      SpaceId: "Spaces-7",
      PackageId: "Shop.Web",
      Version: "1.8.45",
      BuildEnvironment: "TeamCity",
      BuildNumber: "1.8.45",
      BuildUrl: "https://tc.example.com/buildConfiguration/Shop_Build/99812",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://git.example.com/shop/web",
      VcsCommitNumber: pluginFile.vcscommitnumber,
    });
    expect(record?.Commits.map(({ Id, Comment }) => ({ Id, Comment }))).toEqual(
      pluginFile.commits.map((commit) => ({ Id: commit.id, Comment: commit.comment })),
    );
    const posts = server.requests.filter((request) => request.method === "POST");
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0]!.body)).not.toHaveProperty("OctopusBuildInformation.IncompleteDataWarning");
    // --debug shows the complete payload, never the key.
    expect(result.stderr).toContain('"PackageId": "Shop.Web"');
    expect(result.stderr).toContain("SHOP-7 follow-up");
    expect(result.stderr + result.stdout).not.toContain(server.apiKey);
  });

  /** octo's `build-information` of Shop.Web `version` from `buildInfoFile`, which must exit 2 without a request. */
  const octoPushRefused = async (version: string, buildInfoFile: string, extra: string[] = []) => {
    const before = server.requests.length;
    const result = await runCli(
      [
        "build-information",
        "--server",
        server.url,
        "--apiKey",
        server.apiKey,
        "--package-id",
        "Shop.Web",
        "--version",
        version,
        "--file",
        buildInfoFile,
        ...extra,
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(server.requests.length).toBe(before);
    return result;
  };

  it("exits 2 without a request when the file does not exist", async () => {
    const result = await octoPushRefused("1.0.0", join(dir, "missing.buildinfo"));
    expect(result.stderr).toContain("missing.buildinfo");
  });

  it("exits 2 without a request when the file is not valid JSON", async () => {
    const broken = join(dir, "broken.buildinfo");
    await writeFile(broken, '{ "BuildEnvironment": "Jenkins", ');
    const result = await octoPushRefused("1.0.0", broken);
    expect(result.stderr).toContain("broken.buildinfo");
  });

  it("accepts the Go CLI's 'build-information upload' form and octo's pass-through options", async () => {
    const result = await runCli(
      [
        "build-information",
        "upload",
        "--no-prompt",
        "--enableServiceMessages",
        "--logLevel",
        "verbose",
        "--server",
        server.url,
        "--apiKey",
        server.apiKey,
        "--package-id",
        "Shop.Upload",
        "--version",
        "1.8.46",
        "--file",
        file,
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(server.records().some((record) => record.PackageId === "Shop.Upload")).toBe(true);
    expect(result.stderr).toContain('"PackageId": "Shop.Upload"');
  });

  it("takes --apikey, as the official TeamCity plugin spells it (OctopusBuildInformationBuildProcess.java)", async () => {
    const result = await runCli(
      [
        "build-information",
        "--server",
        server.url,
        "--apikey",
        server.apiKey,
        "--package-id",
        "Shop.TeamCity",
        "--version",
        "1.0.0",
        "--file",
        file,
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(server.records().some((record) => record.PackageId === "Shop.TeamCity")).toBe(true);
    expect(result.stderr + result.stdout).not.toContain(server.apiKey);
  });

  it("refuses --ignoreSslErrors with exit 2, pointing at NODE_EXTRA_CA_CERTS", async () => {
    const result = await octoPushRefused("1.0.1", file, ["--ignoreSslErrors"]);
    expect(result.stderr).toContain("NODE_EXTRA_CA_CERTS");
  });

  // The Go CLI's `octopus build-information upload` forms (OctopusDeploy/cli
  // pkg/cmd/buildinformation/upload/upload.go, root flags in pkg/cmd/root/root.go; docs/cli.md lists them).
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

  it("accepts the flag parser's other spellings: -p=ID, -s=SPACE, --flag=VALUE and --bool=true|false", async () => {
    const result = await goCli([
      "upload",
      "-p=Go.Eq",
      "--package-id=Go.Eq2",
      "--version=4.0.0",
      "-s=Shop",
      "--overwrite-mode=fail",
      "--no-prompt=true",
      "--enable-service-messages=false",
    ]);
    expect(result.code, result.stderr).toBe(0);
    for (const id of ["Go.Eq", "Go.Eq2"]) expect(stored(id, "4.0.0")[0]?.SpaceId).toBe("Spaces-7");
    const again = await goCli([
      "upload",
      "Go.Eq",
      "--version",
      "4.0.0",
      "-s",
      "Shop",
      "--overwritemode=IgnoreIfExists",
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("ignored");
  });

  it("refuses an empty value, as for every flag, and sends nothing (the Go CLI read --overwrite-mode= as fail)", async () => {
    const before = server.requests.length;
    const result = await goCli(["upload", "Go.Empty", "--version", "4.0.1", "--overwrite-mode="]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--overwrite-mode is empty. Give --overwrite-mode a value (--overwrite-mode MODE), or leave it out. code=E_USAGE",
    );
    expect(server.requests.length).toBe(before);
  });

  it("suggests upload for a mistyped subcommand and sends nothing", async () => {
    const before = server.requests.length;
    const result = await goCli(["uplaod", "Go.Typo", "--version", "1.0.0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Did you mean 'upload'?");
    expect(server.requests.length).toBe(before);
  });
});
