import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../../packages/cli/test/helpers/push-args";
import { runCli } from "../../packages/cli/test/helpers/run-cli";
import { type HostileServer, octopusLike, startHostileServer, testKey } from "./hostile-octopus";

// Findings 3, 6, 7 and 8 of the attack pass: odd values in Octopus's answers, a 200 naming another
// package, unbounded quoted values, and OverwriteExisting's outcome. Each server here is a real loopback
// server writing the odd answer by hand.

const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const notText = '{"toString":"x","valueOf":"y"}';

describe("odd values in Octopus answers fail the package they concern, with a clear line", () => {
  let dir: string;
  let file: string;
  const servers: HostileServer[] = [];
  const start = async (answers: Parameters<typeof octopusLike>[0]) => {
    const server = await startHostileServer(octopusLike(answers));
    servers.push(server);
    return { url: server.url, apiKey: testKey };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-odd-answers-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(file, JSON.stringify({ BuildEnvironment: "Test", VcsType: "Git", Commits: [] }));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const cases: [string, Parameters<typeof octopusLike>[0]][] = [
    [
      "an ErrorMessage that is an object with a non-function toString",
      { post: { status: 400, body: `{"ErrorMessage":${notText}}` } },
    ],
    [
      "an Errors item that is such an object",
      { post: { status: 400, body: `{"ErrorMessage":"bad","Errors":[${notText}]}` } },
    ],
    [
      "Errors nested 200,000 arrays deep",
      { post: { status: 400, body: `{"Errors":[${deepArray(200_000)}]}` } },
    ],
    [
      "a record nested 200,000 arrays deep",
      { post: { status: 200, body: `{"Id":"BuildInformation-1","X":${deepArray(200_000)}}` } },
    ],
    [
      "a record whose PackageId is an object",
      { post: { status: 201, body: `{"Id":"BuildInformation-1","PackageId":${notText},"Version":"1.0.0"}` } },
    ],
  ];

  it.each(cases)(
    "%s: that package fails (exit 1), the summary is printed, no crash",
    async (_name, answers) => {
      const target = await start(answers);
      const run = await runCli(pushArgs(target, ["Shop.A", "Shop.B"], "1.0.0", ["--file", file, "--json"]), {
        cwd: dir,
      });
      expect(run.stderr).not.toMatch(/unexpected failure|TypeError|Maximum call stack|\n\s+at /);
      expect(run.code).toBe(1);
      const summary = JSON.parse(run.stdout) as { failed: number; results: { error: { code: string } }[] };
      expect(summary.failed).toBe(2);
      expect(summary.results.map((result) => result.error.code)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^E_(HTTP_400|BAD_RESPONSE)$/)]),
      );
    },
  );

  it("a space whose Name is not text, or nested deeply, is a bad answer, not a crash", async () => {
    for (const spaces of [
      `{"Items":[{"Id":"Spaces-1","Name":${notText},"IsDefault":true}]}`,
      `{"Items":[{"Id":"Spaces-1","Name":${deepArray(200_000)},"IsDefault":true}]}`,
    ]) {
      const target = await start({
        spaces,
        post: { status: 201, body: '{"Id":"BuildInformation-1","PackageId":"Shop.A","Version":"1.0.0"}' },
      });
      const run = await runCli(pushArgs(target, "Shop.A", "1.0.0", ["--file", file]), { cwd: dir });
      expect(run.stderr).not.toMatch(/unexpected failure|TypeError|Maximum call stack/);
      expect(run.code === 0 || run.stderr.includes("E_BAD_RESPONSE")).toBe(true);
    }
  });

  it("finding 6: a 200 naming another package or version is not a success", async () => {
    const target = await start({
      post: {
        status: 200,
        body: '{"Id":"BuildInformation-9","PackageId":"Other.Package","Version":"9.9.9"}',
      },
    });
    const run = await runCli(pushArgs(target, "Shop.A", "1.0.0", ["--file", file]), { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("E_BAD_RESPONSE");
    expect(run.stderr).toContain("with the record of Other.Package 9.9.9");
  });

  it("finding 7: an unexpected Content-Type is quoted cut and masked", async () => {
    const server = await startHostileServer((_request, response) => {
      response.writeHead(502, { "content-type": `text/x-${"a".repeat(15_000)}; echo=${testKey}` });
      response.end("<html><title>Bad gateway</title></html>");
    });
    servers.push(server);
    const run = await runCli(
      pushArgs({ url: server.url, apiKey: testKey }, "Shop.A", "1.0.0", ["--file", file]),
      {
        cwd: dir,
      },
    );
    expect(run.stderr).not.toContain(testKey);
    expect(run.stderr).not.toContain(testKey.slice(0, 16));
    expect(Math.max(...run.stderr.split("\n").map((line) => line.length))).toBeLessThan(2000);
  });

  it("finding 7: a wrong --space on a server with 300,000 spaces names a few of them, not all", async () => {
    const items = Array.from({ length: 300_000 }, (_, i) => ({
      Id: `Spaces-${i + 1}`,
      Name: `Team ${i + 1}`,
    }));
    const target = await start({ spaces: JSON.stringify({ Items: items }) });
    const run = await runCli(pushArgs(target, "Shop.A", "1.0.0", ["--file", file, "--space", "Nope"]), {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("and 299980 more");
    expect(run.stderr.length).toBeLessThan(10_000);
  });

  it("finding 8: OverwriteExisting of a record that was there is 'overwritten', even within its millisecond", async () => {
    const stamp = "2026-12-07T10:00:00.123+00:00";
    const record = {
      Id: "BuildInformation-3",
      PackageId: "Shop.A",
      Version: "1.0.0",
      Created: stamp,
      LastModifiedOn: stamp,
    };
    const server = await startHostileServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      response.writeHead(200, { "content-type": "application/json" });
      if (path === "/api/spaces")
        response.end('{"Items":[{"Id":"Spaces-1","Name":"Default","IsDefault":true}]}');
      // The list before the POST shows the record; the POST's answer has equal timestamps.
      else if (request.method === "GET") response.end(JSON.stringify({ Items: [record] }));
      else response.end(JSON.stringify(record));
    });
    servers.push(server);
    const run = await runCli(
      pushArgs({ url: server.url, apiKey: testKey }, "Shop.A", "1.0.0", [
        "--file",
        file,
        "--overwrite-mode",
        "OverwriteExisting",
        "--json",
      ]),
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { results: { outcome: string }[] }).results[0]?.outcome).toBe(
      "overwritten",
    );
  });
});
