import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../../packages/cli/test/helpers/push-args";
import { runCli } from "../../packages/cli/test/helpers/run-cli";
import { runCliMeasured } from "../support/run-cli-measured";
import { type HostileServer, octopusLike, startHostileServer, testKey } from "./hostile-octopus";

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+/);

describe("finding 5: bad input never hangs, grows or prints a stack trace", () => {
  let dir: string;
  let file: string;
  let server: HostileServer;
  const pushTo = (url: string, extra: string[], env: Record<string, string> = {}, command = "push") =>
    runCli([command, ...pushArgs({ url, apiKey: testKey }, "Shop", "1.0.0", extra).slice(1)], {
      cwd: dir,
      env,
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-bad-input-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(file, JSON.stringify({ BuildEnvironment: "Test", VcsType: "Git", Commits: [] }));
    server = await startHostileServer(octopusLike({}));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a FIFO and /dev/zero as --file without reading them (exit 2)", async () => {
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    for (const path of [fifo, "/dev/zero", dir]) {
      const result = await runCli(["collect", "--file", path], { cwd: dir });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain("E_FILE_NOT_REGULAR");
      noStack(result.stderr);
    }
  });

  it("calls a file above 64 MiB too large, not 'not valid UTF-8'", async () => {
    const big = join(dir, "big.buildinfo");
    const handle = await open(big, "w");
    await handle.truncate(65 * 1024 * 1024); // sparse: no disk used
    await handle.close();
    const result = await runCli(["collect", "--file", big], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("E_FILE_TOO_LARGE");
    expect(result.stderr).not.toMatch(/UTF-8/);
  });

  it("range-checks numbers: timeouts past Node's timer limit, 1e999, --logLevel bogus", async () => {
    for (const extra of [
      ["--timeout", "5000000"],
      ["--timeout", "3000000"],
      ["--timeout", "1e999"],
      ["--concurrency", "1e999"],
      ["--logLevel", "bogus"],
    ]) {
      // --logLevel is one of octo's options, which `build-information` takes.
      const command = extra[0] === "--logLevel" ? "build-information" : "push";
      const result = await pushTo(server.url, ["--file", file, ...extra], {}, command);
      expect(result.code, `${extra.join(" ")}: ${result.stderr}`).toBe(2);
      noStack(result.stderr);
    }
    const infinite = join(dir, "infinite.buildinfo");
    await writeFile(infinite, '{"BuildEnvironment":"Test","BuildNumber":1e999,"VcsType":"Git","Commits":[]}');
    const before = server.requests.length;
    const result = await pushTo(server.url, ["--file", infinite]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("BuildNumber");
    expect(server.requests.length).toBe(before);
  });

  it("reports a bad ACTIONS_ID_TOKEN_REQUEST_URL in one line (exit 2)", async () => {
    const result = await pushTo(server.url, ["--file", file, "--service-account-id", "sa"], {
      ACTIONS_ID_TOKEN_REQUEST_URL: "::not a url",
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "t0ken-value",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("ACTIONS_ID_TOKEN_REQUEST_URL");
    noStack(result.stderr);
  });

  it("reports serve --persist on a directory or a corrupt file (exit 2)", async () => {
    const corrupt = join(dir, "corrupt.json");
    await writeFile(corrupt, "{ not json");
    const folder = join(dir, "persist-dir");
    await mkdir(folder);
    for (const path of [folder, corrupt]) {
      const result = await runCli(["serve", "--persist", path]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain("code=E_PERSIST");
      expect(result.stderr).toContain(path);
      expect(result.stderr).not.toContain("Cannot listen");
      noStack(result.stderr);
    }
  });

  it("refuses serve --persist on a FIFO, /dev/zero and a file above 64 MiB at start, before listening (exit 2)", async () => {
    const fifo = join(dir, "persist-pipe");
    execFileSync("mkfifo", [fifo]);
    const big = join(dir, "persist-big.json");
    const handle = await open(big, "w");
    await handle.truncate(65 * 1024 * 1024); // sparse: no disk used
    await handle.close();
    for (const [path, problem] of [
      [fifo, "is not a regular file"],
      ["/dev/zero", "is not a regular file"],
      [big, "larger than the limit of 67108864 (64 MiB)"],
    ] as const) {
      // Before the fix, a FIFO hung before listening and /dev/zero grew the process without end:
      // the kill timer ends such a run with no exit code.
      const result = await runCliMeasured(["serve", "--persist", path], { killAfterMs: 15_000 });
      expect(result.code, `${path}: ${result.stderr}`).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trim().split("\n");
      expect(lines.filter((line) => line.includes("error:"))).toHaveLength(1);
      expect(result.stderr).toContain(`The --persist file '${path}' `);
      expect(result.stderr).toContain(problem);
      expect(result.stderr).toContain("code=E_PERSIST");
      noStack(result.stderr);
    }
  });

  it("reports odd /api/spaces answers and a POST answering 200 null as bad servers (exit 1)", async () => {
    for (const answers of [
      { spaces: "{}" },
      { spaces: '{"Items":[null]}' },
      { spaces: "null" },
      { post: { status: 200, body: "null" } },
    ]) {
      const odd = await startHostileServer(octopusLike(answers));
      const result = await pushTo(odd.url, ["--file", file]);
      await odd.close();
      expect(result.code, `${JSON.stringify(answers)}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain("E_BAD_RESPONSE");
      noStack(result.stderr);
    }
  });

  it("shows a stored record whatever JSON types the server sends (no crash on odd fields)", async () => {
    const odd = await startHostileServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      response.writeHead(200, { "content-type": "application/json" });
      if (path === "/api/spaces")
        response.end('{"Items":[{"Id":"Spaces-1","Name":"Default","IsDefault":true}]}');
      else if (path === "/api/Spaces-1") response.end('{"Links":{"BuildInformation":"/x"}}');
      else if (path.endsWith("/build-information"))
        response.end(
          '{"Items":[{"Id":"BuildInformation-1","PackageId":7,"Commits":"none"}],"TotalResults":"x"}',
        );
      else
        response.end(
          '{"Id":"BuildInformation-1","PackageId":"P","Version":1,"Commits":[{"Id":7,"Comment":5}],"WorkItems":[null]}',
        );
    });
    const connection = ["--server", odd.url, "--api-key", testKey];
    const view = await runCli(["view", "BuildInformation-1", ...connection]);
    const list = await runCli(["list", ...connection]);
    await odd.close();
    expect(view.code, view.stderr).toBe(0);
    expect(view.stdout).toContain("Package:");
    expect(list.code, list.stderr).toBe(0);
    noStack(view.stderr + list.stderr);
  });
});
