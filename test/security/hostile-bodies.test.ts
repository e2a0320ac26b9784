import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBuildServerJson } from "@buildinfo/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../../packages/cli/test/helpers/push-args";
import { runCli } from "../../packages/cli/test/helpers/run-cli";
import { type HostileServer, octopusLike, startHostileServer, stream, testKey } from "./hostile-octopus";

describe("finding 3: response bodies are capped, summarised in linear time, and --timeout always ends the run", () => {
  let dir: string;
  let file: string;
  let server: HostileServer | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-bodies-"));
    file = join(dir, "octopus.buildinfo");
    await writeFile(file, JSON.stringify({ BuildEnvironment: "Test", VcsType: "Git", Commits: [] }));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const push = (url: string, extra: string[] = []) =>
    runCli(pushArgs({ url, apiKey: testKey }, "Shop", "1.0.0", ["--file", file, ...extra]), { cwd: dir });

  it("summarises a 1.2 MB HTML 502 made of '<' quickly (no backtracking over the whole body)", async () => {
    server = await startHostileServer((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<".repeat(1_200_000));
    });
    const result = await push(server.url, ["--timeout", "20s"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("E_BAD_RESPONSE");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("summarises a build server's 1.2 MB non-JSON page of '<' or '<title' in linear time, on one line", () => {
    for (const body of ["<".repeat(1_200_000), "<title".repeat(200_000), `<title>a\u001b[8mb\n</title>`]) {
      const response = { status: 200, headers: { "content-type": "text/html" }, text: body };
      let message = "";
      try {
        readBuildServerJson(response, "https://ci.example/job/1/api/json", "Check the URL.");
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain("was not JSON");
      expect(message.length).toBeLessThan(400);
      expect(message).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it("stops reading an answer above 32 MiB (E_RESPONSE_TOO_LARGE)", async () => {
    server = await startHostileServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      stream(response, `[${" ".repeat(1 << 20)}`, 1);
    });
    const result = await push(server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("E_RESPONSE_TOO_LARGE");
  });

  it("ends at the --timeout deadline while a slow body keeps trickling in", async () => {
    server = await startHostileServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      stream(response, " ", 50);
    });
    const result = await push(server.url, ["--timeout", "2s"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("E_TIMEOUT");
  });

  it("lists a page with one huge field without padding every row to it", async () => {
    // 1 MB in one record's PackageId, 2000 more records: padded to one width, that was 2 GB of table.
    const items = [{ Id: "BuildInformation-1", PackageId: "P".repeat(1_000_000), Version: "1.0.0" }];
    for (let i = 2; i <= 2001; i++)
      items.push({ Id: `BuildInformation-${i}`, PackageId: "Shop", Version: "1.0.0" });
    const page = JSON.stringify({ Items: items, TotalResults: items.length });
    const octopus = octopusLike({});
    server = await startHostileServer((request, response) => {
      if (request.method === "GET" && request.url?.startsWith("/api/Spaces-1/build-information")) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(page);
      } else octopus(request, response);
    });
    const result = await runCli(["list", "--server", server.url, "--api-key", testKey], { cwd: dir });
    expect(result.stderr).not.toContain("unexpected");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toHaveLength(2003);
    expect(result.stdout.length).toBeLessThan(2_000_000);
  });
  it("prints a server's megabyte record id and space name cut to 120 characters; --json keeps them whole", async () => {
    const hugeId = `BuildInformation-${"9".repeat(4_000_000)}`;
    const hugeName = "N".repeat(1_000_000);
    const record = JSON.stringify({ Id: hugeId, PackageId: "Shop", Version: "1.0.0", Commits: [] });
    server = await startHostileServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      const json = (status: number, body: string) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(body);
      };
      if (path === "/api/spaces")
        json(200, JSON.stringify({ Items: [{ Id: "Spaces-1", Name: hugeName, IsDefault: true }] }));
      else if (path === "/api/Spaces-1")
        json(200, '{"Links":{"BuildInformation":"/api/Spaces-1/build-information"}}');
      else if (request.method === "POST") json(201, record);
      else json(200, record);
    });
    const cut = (value: string) => `${value.slice(0, 120)}…`;

    const pushed = await push(server.url);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout).toContain(`${cut(hugeId)}  `);
    expect(pushed.stdout).toContain(`in space ${cut(hugeName)} (Spaces-1)`);
    expect(pushed.stdout.length + pushed.stderr.length).toBeLessThan(4_000);

    const viewed = await runCli(["view", "BuildInformation-1", "--server", server.url, "--api-key", testKey]);
    expect(viewed.code, viewed.stderr).toBe(0);
    expect(viewed.stdout).toMatch(new RegExp(`^Id: +${cut(hugeId)}$`, "m"));
    expect(viewed.stdout.length).toBeLessThan(4_000);

    const asJson = await push(server.url, ["--json", "--overwrite-mode", "OverwriteExisting"]);
    expect(asJson.code, asJson.stderr).toBe(0);
    expect(JSON.parse(asJson.stdout).results[0].recordId).toBe(hugeId);
  });
});
