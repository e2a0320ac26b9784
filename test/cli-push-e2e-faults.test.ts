import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createFaultQueue } from "@buildinfo/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pushArgs } from "../packages/cli/test/helpers/push-args";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy";

/**
 * `buildinfo push` as a real child process against the local Octopus server: what the client's own
 * fault tests prove, seen from the command line a build runs (exit code, summary, log lines).
 */

const buildInformation = {
  BuildEnvironment: "Jenkins",
  BuildNumber: "311",
  BuildUrl: "https://jenkins.example.com/job/shop/311/",
  Branch: "main",
  VcsType: "Git",
  VcsRoot: "https://github.com/acme/shop-web",
  VcsCommitNumber: "c0ffee1200000000000000000000000000000000",
  Commits: [
    { Id: "c0ffee1200000000000000000000000000000000", Comment: "SHOP-12 cache prices\n\nFixes #41" },
    { Id: "badc0de200000000000000000000000000000000", Comment: "Add the price list" },
  ],
};

let server: LocalOctopusServer;
const faults = createFaultQueue();
let dir: string;
let file: string;
const proxies: ForwardProxy[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "buildinfo-push-e2e-"));
  file = join(dir, "octopus.buildinfo");
  await writeFile(file, JSON.stringify(buildInformation));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  faults.clear();
  await server?.close();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

function push(packageIds: string[], version: string, extra: string[] = [], env: Record<string, string> = {}) {
  return runCli(pushArgs(server, packageIds, version, ["--file", file, ...extra]), { cwd: dir, env });
}

const posts = () => server.requests.filter((request) => request.method === "POST");

describe("buildinfo push --verbose", () => {
  it("prints the complete payload the server received, and never the API key", async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    const result = await push(["Shop.Web", "Shop.Api"], "1.4.2", ["--verbose"]);
    expect(result.code, result.stderr).toBe(0);
    expect(posts()).toHaveLength(2);

    // The first request's body, printed in full: the JSON object after "for Shop.Web 1.4.2:".
    const marker =
      /POST \S+\/api\/Spaces-1\/build-information\?overwriteMode=FailIfExists \(X-Octopus-ApiKey or Authorization: [^)]*\) for Shop\.Web 1\.4\.2:\n/;
    const match = marker.exec(result.stderr);
    expect(match, result.stderr).not.toBeNull();
    const rest = result.stderr.slice(match!.index + match![0].length);
    const end = rest.indexOf("\n}") + 2;
    const printed = JSON.parse(rest.slice(0, end));
    const sent = JSON.parse(posts().find((post) => post.body.includes('"Shop.Web"'))!.body);
    expect(printed).toEqual(sent);
    expect(printed.OctopusBuildInformation).toEqual(buildInformation);
    expect(printed).toMatchObject({ PackageId: "Shop.Web", Version: "1.4.2", SpaceId: "Spaces-1" });
    // The other package is named, with its request.
    expect(result.stderr).toMatch(/for Shop\.Api 1\.4\.2: the same body with PackageId "Shop\.Api"/);

    expect(result.stdout + result.stderr).not.toContain(server.apiKey);
    // The key did reach the server: it was sent, just never printed.
    expect(posts()[0]!.headers["x-octopus-apikey"]).toBe(server.apiKey);
  });

  it("keeps the API key out of --log-format json output as well", async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    const result = await push(["Shop.Worker"], "1.4.2", ["--verbose", "--log-format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { msg?: string });
    expect(lines.some((line) => line.msg?.includes('"OctopusBuildInformation"'))).toBe(true);
    expect(result.stdout + result.stderr).not.toContain(server.apiKey);
  });
});

describe("buildinfo push with failures", () => {
  it("20 packages, 3 failing permanently: exit 1, every package attempted, each failure named, 17 stored once", async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    const ids = Array.from({ length: 20 }, (_, i) => `Shop.Part${String(i).padStart(2, "0")}`);
    const taken = [ids[3]!, ids[11]!, ids[17]!];
    // Records already there: FailIfExists makes these three fail for good (409), not transiently.
    const first = await push(taken, "2.0.0", ["--build-number", "299"]);
    expect(first.code, first.stderr).toBe(0);
    // Transient faults on the way: absorbed by retries, never turned into duplicates.
    faults.inject({ kind: "status", status: 503, times: 3, match: { method: "POST" } });
    faults.inject({ kind: "reset-after-store", times: 1, match: { method: "POST" } });

    const result = await push(ids, "2.0.0", ["--concurrency", "4"]);
    expect(result.code, result.stderr).toBe(1);
    for (const id of taken)
      expect(result.stdout).toMatch(new RegExp(`FAILED\\s+${id} 2\\.0\\.0\\s+E_HTTP_409`));
    for (const id of ids.filter((id) => !taken.includes(id))) {
      expect(result.stdout).toMatch(new RegExp(`(created|overwritten)\\s+${id} 2\\.0\\.0`));
    }
    expect(result.stderr).toContain(
      `3 of 20 packages were not pushed: ${taken.map((id) => `${id} 2.0.0`).join(", ")}`,
    );
    for (const id of taken) expect(result.stderr).toMatch(new RegExp(`${id} 2\\.0\\.0 was not pushed`));

    const stored = server.records();
    expect(stored).toHaveLength(20);
    expect(new Set(stored.map((record) => record.PackageId)).size).toBe(20);
    for (const record of stored) {
      expect(record.BuildNumber).toBe(taken.includes(record.PackageId) ? "299" : "311");
    }
  });

  it("429 with Retry-After: waits as long as the server asks, says so, and stores the record once", async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    faults.inject({ kind: "status", status: 429, retryAfter: "2", match: { method: "POST" } });
    const started = Date.now();
    const result = await push(["Shop.Web"], "3.0.0");
    const elapsed = Date.now() - started;
    expect(result.code, result.stderr).toBe(0);
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(result.stderr).toMatch(/HTTP 429; retrying in 2000 ms as the server's Retry-After asks/);
    expect(posts()).toHaveLength(2);
    expect(server.records()).toHaveLength(1);
  });

  it("a server that never answers: exits 1 within --timeout, naming the package", async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    faults.inject({ kind: "hang", times: 100, match: { method: "POST" } });
    const started = Date.now();
    const result = await push(["Shop.Web"], "4.0.0", ["--timeout", "2"]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Shop.Web 4.0.0");
    expect(result.stderr).toMatch(/E_TIMEOUT|timed out|time/i);
    expect(server.records()).toHaveLength(0);
  }, 30_000);
});

describe("buildinfo push through a proxy", () => {
  async function startProxy(): Promise<ForwardProxy> {
    const proxy = await startForwardProxy();
    proxies.push(proxy);
    return proxy;
  }

  it("sends every request through the loopback proxy named in HTTP_PROXY", async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    const proxy = await startProxy();
    const result = await push(["Shop.Web", "Shop.Api"], "5.0.0", [], { HTTP_PROXY: proxy.url });
    expect(result.code, result.stderr).toBe(0);
    expect(
      server
        .records()
        .map((record) => record.PackageId)
        .sort(),
    ).toEqual(["Shop.Api", "Shop.Web"]);
    // Absolute-form requests: only a proxy is asked like this.
    expect(proxy.seen.some((line) => line.startsWith(`GET ${server.url}/api/spaces`))).toBe(true);
    expect(
      proxy.seen.filter((line) => line.startsWith(`POST ${server.url}/api/Spaces-1/build-information`)),
    ).toHaveLength(2);
    expect(proxy.seen).toHaveLength(server.requests.length);
  });

  it("uses the lower-case http_proxy spelling too, and goes direct for NO_PROXY hosts", async () => {
    server = await startOctopusServer({ beforeRequest: faults.beforeRequest });
    const proxy = await startProxy();
    const viaProxy = await push(["Shop.Lower"], "5.0.0", [], { http_proxy: proxy.url });
    expect(viaProxy.code, viaProxy.stderr).toBe(0);
    expect(proxy.seen.some((line) => line.startsWith(`POST ${server.url}/`))).toBe(true);

    proxy.seen.length = 0;
    const direct = await push(["Shop.Direct"], "5.0.0", [], { HTTP_PROXY: proxy.url, NO_PROXY: "127.0.0.1" });
    expect(direct.code, direct.stderr).toBe(0);
    expect(proxy.seen).toEqual([]);
    expect(
      server
        .records()
        .map((record) => record.PackageId)
        .sort(),
    ).toEqual(["Shop.Direct", "Shop.Lower"]);
  });
});
