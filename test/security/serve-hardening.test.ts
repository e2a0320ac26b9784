import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { createInterface } from "node:readline";
import { maxRecordedRequests, startOctopusServer } from "@buildinfo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, runCli } from "../../packages/cli/test/helpers/run-cli";

interface Served {
  child: ChildProcess;
  url: string;
  apiKey: string;
  stderr: () => string;
}

async function serve(args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [cliPath, "serve", ...args], {
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const [url] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  while (!/API key: (\S+)/.test(stderr)) await new Promise((resolve) => setTimeout(resolve, 20));
  return { child, url, apiKey: /API key: (\S+)/.exec(stderr)?.[1] ?? "", stderr: () => stderr };
}

interface RawAnswer {
  status: number;
  body: string;
}

/** One request with exactly these headers; `body` may be a function that keeps writing. */
function send(
  url: string,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | ((write: (chunk: string) => boolean) => void);
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? "/api/Spaces-1/build-information", url);
    const req = request(
      target,
      { method: options.method ?? "POST", headers: options.headers ?? {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (typeof options.body === "function") options.body((chunk) => req.write(chunk));
    else req.end(options.body);
  });
}

const command = (packageId: string) =>
  JSON.stringify({
    PackageId: packageId,
    Version: "1.0.0",
    OctopusBuildInformation: { BuildEnvironment: "Test", VcsType: "Git", Commits: [] },
  });

describe("finding 4: buildinfo serve survives hostile local clients", () => {
  let served: Served;
  beforeAll(async () => {
    await runCli(["--version"]);
    served = await serve();
  });
  afterAll(async () => {
    served.child.kill("SIGTERM");
    await once(served.child, "exit");
  });

  it("makes a random key at every start, never the old well-known one", async () => {
    expect(served.apiKey).toMatch(/^API-[A-Z0-9]{26}$/);
    expect(served.apiKey).not.toBe("API-BUILDINFOTESTKEY0000000000000");
    const second = await serve();
    second.child.kill("SIGTERM");
    await once(second.child, "exit");
    expect(second.apiKey).not.toBe(served.apiKey);
    const old = await send(served.url, {
      headers: {
        "x-octopus-apikey": "API-BUILDINFOTESTKEY0000000000000",
        "content-type": "application/json",
      },
      body: command("Old.Key"),
    });
    expect(old.status).toBe(401);
  });

  it("prints a usable URL for an IPv6 --host, and refuses an empty --host (all interfaces) with exit 2", async () => {
    const ipv6 = await serve(["--host", "::1"]);
    ipv6.child.kill("SIGTERM");
    await once(ipv6.child, "exit");
    expect(ipv6.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    const empty = await runCli(["serve", "--host", ""]);
    expect(empty.code, empty.stdout).toBe(2);
    expect(empty.stderr).toContain("--host");
  });

  it("answers 401 before reading the body of a request without a key (the body never ends)", async () => {
    const answer = await send(served.url, {
      headers: { "content-type": "application/json", "content-length": String(600 * 1024 * 1024) },
      body: (write) => {
        write("x".repeat(1024 * 1024));
      },
    });
    expect(answer.status).toBe(401);
  });

  it("refuses a body above 30,000,000 bytes with 413 and keeps serving", async () => {
    const big = `{"PackageId":"Big","Version":"1.0.0","OctopusBuildInformation":{"Commits":[],"BuildEnvironment":"${"x".repeat(30_000_001)}"}}`;
    const answer = await send(served.url, {
      headers: { "x-octopus-apikey": served.apiKey, "content-type": "application/json" },
      body: big,
    }).catch((error: NodeJS.ErrnoException) => ({
      status: error.code === "EPIPE" || error.code === "ECONNRESET" ? 413 : 0,
      body: "",
    }));
    expect(answer.status).toBe(413);
    const after = await send(served.url, {
      headers: { "x-octopus-apikey": served.apiKey, "content-type": "application/json" },
      body: command("After.Big"),
    });
    expect(after.status).toBe(200);
  });

  it("refuses a Host that is not a loopback name (DNS rebinding)", async () => {
    const answer = await send(served.url, {
      method: "GET",
      path: "/api/spaces",
      headers: { host: "attacker.example:80", "x-octopus-apikey": served.apiKey },
    });
    expect(answer.status).toBe(421);
  });

  it("refuses a web page's cross-origin writes: text/plain, a foreign Origin, Sec-Fetch-Site cross-site", async () => {
    const headers = { "x-octopus-apikey": served.apiKey };
    const plain = await send(served.url, {
      headers: { ...headers, "content-type": "text/plain" },
      body: command("Plain"),
    });
    expect(plain.status).toBe(415);
    const origin = await send(served.url, {
      headers: { ...headers, "content-type": "application/json", origin: "http://attacker.example" },
      body: command("Origin"),
    });
    expect(origin.status).toBe(403);
    const site = await send(served.url, {
      headers: { ...headers, "content-type": "application/json", "sec-fetch-site": "cross-site" },
      body: command("Site"),
    });
    expect(site.status).toBe(403);
    const listed = await runCli(["list", "--server", served.url, "--api-key", served.apiKey, "--json"]);
    const ids = (JSON.parse(listed.stdout) as { Items: { PackageId: string }[] }).Items.map(
      (item) => item.PackageId,
    );
    expect(ids).not.toContain("Plain");
    expect(ids).not.toContain("Origin");
  });

  it("does not take the key from the query string", async () => {
    const answer = await send(served.url, {
      method: "GET",
      path: `/api/spaces?apikey=${served.apiKey}`,
    });
    expect(answer.status).toBe(401);
  });

  it("keeps a bounded request log", async () => {
    const server = await startOctopusServer();
    try {
      for (let i = 0; i < maxRecordedRequests + 50; i++)
        await send(server.url, { method: "GET", path: "/api" });
      expect(server.requests.length).toBe(maxRecordedRequests);
    } finally {
      await server.close();
    }
  });
});
