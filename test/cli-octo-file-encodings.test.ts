import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

/** The octo file in each encoding a plugin may write, with lowercase and mixed-case keys, pushed by the built CLI. */
const file = {
  buildenvironment: "Bamboo",
  buildNumber: "45",
  BUILDURL: "https://bamboo.example.com/browse/SHOP-WEB-45",
  branch: "refs/heads/release/2.0",
  vcstype: "git",
  vcsroot: "https://ci:s3cr3t-Passw0rd@bitbucket.example.com/scm/shop/web.git",
  vcscommitnumber: "c0ffee1234567890c0ffee1234567890c0ffee12",
  commits: [{ id: "c0ffee1234567890c0ffee1234567890c0ffee12", comment: "SHOP-7 naïve café ✓\n\nbody" }],
};

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

const encodings: [string, Buffer][] = [
  ["UTF-16 BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(JSON.stringify(file))])],
  [
    "UTF-16 LE with a BOM",
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(file), "utf16le")]),
  ],
  ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(file))])],
];

describe("buildinfo push --file in every encoding", () => {
  let server: LocalOctopusServer;
  let dir: string;

  beforeAll(async () => {
    server = await startOctopusServer();
    dir = await mkdtemp(join(tmpdir(), "buildinfo-encodings-"));
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const [index, [name, bytes]] of encodings.entries()) {
    it(`pushes a file in ${name} with case-insensitive keys`, async () => {
      const path = join(dir, `file-${index}.buildinfo`);
      await writeFile(path, bytes);
      const packageId = `Shop.Encoding${index}`;
      const result = await runCli(
        [
          "build-information",
          "--server",
          server.url,
          "--apiKey",
          server.apiKey,
          "--package-id",
          packageId,
          "--version",
          "2.0.45",
          "--file",
          path,
        ],
        { cwd: dir },
      );
      expect(result.code, result.stderr).toBe(0);
      const record = server.records().find((stored) => stored.PackageId === packageId);
      expect(record).toMatchObject({
        BuildEnvironment: "Bamboo",
        BuildNumber: "45",
        BuildUrl: "https://bamboo.example.com/browse/SHOP-WEB-45",
        Branch: "release/2.0",
        VcsType: "Git",
        VcsRoot: "https://bitbucket.example.com/scm/shop/web",
        VcsCommitNumber: file.vcscommitnumber,
      });
      expect(record?.Commits.map(({ Id, Comment }) => ({ Id, Comment }))).toEqual([
        { Id: file.vcscommitnumber, Comment: "SHOP-7 naïve café ✓\n\nbody" },
      ]);
      expect(result.stdout + result.stderr).not.toContain("s3cr3t-Passw0rd");
      expect(server.requests.map((request) => request.body).join("\n")).not.toContain("s3cr3t-Passw0rd");
    });
  }
});
