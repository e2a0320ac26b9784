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

  it("finding 9: answers a client value that is no string or number where one binds with 400 and the server's error body, never 500", async () => {
    // Values String() cannot turn into text (a non-callable toString/valueOf), names of
    // Object.prototype's own members, and plain wrong types.
    const hostile: unknown[] = [
      { toString: "x" },
      { toString: "x", valueOf: "y" },
      [{ toString: "x" }],
      "constructor",
      "__proto__",
      "toString",
      {},
      [],
      true,
    ];
    const inner = { BuildEnvironment: "Test", VcsType: "Git", Commits: [{ Id: "a1", Comment: "c" }] };
    const valid = { PackageId: "Hostile.Values", Version: "1.0.0", OctopusBuildInformation: inner };
    const at = (value: unknown): Record<string, unknown>[] => [
      { ...valid, OverwriteMode: value },
      { ...valid, PackageId: value },
      { ...valid, Version: value },
      { ...valid, SpaceId: value },
      { ...valid, OctopusBuildInformation: value },
      { ...valid, OctopusBuildInformation: { ...inner, BuildEnvironment: value } },
      { ...valid, OctopusBuildInformation: { ...inner, Commits: value } },
      { ...valid, OctopusBuildInformation: { ...inner, Commits: [value] } },
      { ...valid, OctopusBuildInformation: { ...inner, Commits: [{ Id: value, Comment: "c" }] } },
    ];
    const headers = { "x-octopus-apikey": served.apiKey, "content-type": "application/json" };
    // Node frames a DELETE body only when told its length.
    const bulkDelete = async (body: string) => ({
      sent: body,
      ...(await send(served.url, {
        method: "DELETE",
        path: "/api/Spaces-1/build-information/bulk",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        body,
      })),
    });
    const answers: { sent: string; status: number; body: string }[] = [];
    for (const value of hostile) {
      for (const body of at(value)) {
        const sent = JSON.stringify(body);
        answers.push({ sent, ...(await send(served.url, { headers, body: sent })) });
      }
      answers.push(await bulkDelete(JSON.stringify({ Ids: [value] })));
    }
    for (const body of ["null", "[]", "7", '"text"', '{"Ids":{"toString":"x"}}']) {
      answers.push(await bulkDelete(body));
    }
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    for (const answer of answers.filter((answer) => answer.status === 400)) {
      expect(JSON.parse(answer.body), answer.sent).toMatchObject({
        ErrorMessage: "There was a problem with your request.",
        Errors: expect.arrayContaining([expect.any(String)]),
      });
    }
    const oidc = await startOctopusServer({ oidc: { serviceAccountId: "sa", idTokens: ["t"] } });
    try {
      for (const body of ["null", "[]", "7", '{"grant_type":{"toString":"x"}}']) {
        const exchange = await send(oidc.url, {
          path: "/token/v1",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(exchange.status, `${body}: ${exchange.body}`).toBe(400);
        expect(JSON.parse(exchange.body)).toMatchObject({ error: expect.any(String) });
      }
    } finally {
      await oidc.close();
    }
    // The exact case of the finding, and enum names that are Object.prototype's members, are refused.
    for (const mode of [{ toString: "x" }, "constructor", "__proto__", "toString"]) {
      const answer = answers.find(
        (candidate) => candidate.sent === JSON.stringify({ ...valid, OverwriteMode: mode }),
      );
      expect(answer?.status, answer?.body).toBe(400);
      expect(answer?.body).toContain("OverwriteMode");
    }
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
