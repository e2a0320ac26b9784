import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { isBuildInfoError } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { createOctopusClient } from "@buildinfo/octopus";
import { afterEach, describe, expect, it } from "vitest";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy";

const tls = fileURLToPath(new URL("../packages/http/test/fixtures/tls/", import.meta.url));
const fast = { retry: { baseDelayMs: 5, maxAttempts: 2 } };
const servers: Server[] = [];
const proxies: ForwardProxy[] = [];

async function startProxy(): Promise<ForwardProxy> {
  const proxy = await startForwardProxy();
  proxies.push(proxy);
  return proxy;
}

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen<T extends Server>(server: T): Promise<string> {
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startTarget(): Promise<string> {
  const target = createHttpServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ Application: "Octopus Deploy", Version: "2025.1.0", path: req.url }));
  });
  return `http://${await listen(target)}`;
}

async function startTlsTarget(): Promise<string> {
  const target = createHttpsServer(
    { key: readFileSync(`${tls}server-key.pem`), cert: readFileSync(`${tls}server.pem`) },
    (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
  );
  return `https://${await listen(target)}`;
}

describe("proxies", () => {
  it("sends plain-http requests through HTTP_PROXY", async () => {
    const proxy = await startProxy();
    const target = await startTarget();
    const http = createHttpClient({ ...fast, env: { HTTP_PROXY: proxy.url } });
    const response = await http.get(`${target}/job/build/api/json`);
    await http.close();
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([`GET ${target}/job/build/api/json`]);
  });

  it("reads HTTP_PROXY from the process environment by default", async () => {
    const proxy = await startProxy();
    const target = await startTarget();
    const names = ["HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"] as const;
    const saved = names.map((name) => process.env[name]);
    for (const name of names) delete process.env[name];
    process.env.HTTP_PROXY = proxy.url;
    try {
      const http = createHttpClient(fast);
      expect((await http.get(`${target}/from-env`)).status).toBe(200);
      await http.close();
    } finally {
      names.forEach((name, i) => {
        if (saved[i] === undefined) delete process.env[name];
        else process.env[name] = saved[i];
      });
    }
    expect(proxy.seen).toEqual([`GET ${target}/from-env`]);
  });

  it("gives the lower-case variable precedence and the Octopus client uses it too", async () => {
    const proxy = await startProxy();
    const target = await startTarget();
    const client = createOctopusClient({
      serverUrl: target,
      apiKey: "API-PROXYTEST00000000000000",
      ...fast,
      env: { http_proxy: proxy.url, HTTP_PROXY: "http://127.0.0.1:9" },
    });
    const root = await client.getRoot();
    await client.close();
    expect(root.Application).toBe("Octopus Deploy");
    expect(proxy.seen).toEqual([`GET ${target}/api`]);
  });

  it("goes direct for hosts in NO_PROXY", async () => {
    const proxy = await startProxy();
    const target = await startTarget();
    for (const env of [
      { HTTP_PROXY: proxy.url, NO_PROXY: "example.com,127.0.0.1" },
      { http_proxy: proxy.url, no_proxy: "*" },
    ]) {
      const http = createHttpClient({ ...fast, env });
      expect((await http.get(`${target}/direct`)).status).toBe(200);
      await http.close();
    }
    expect(proxy.seen).toEqual([]);
  });

  it("tunnels https through HTTPS_PROXY with CONNECT and still verifies the certificate", async () => {
    const proxy = await startProxy();
    const target = await startTlsTarget();
    const http = createHttpClient({ ...fast, env: { HTTPS_PROXY: proxy.url } });
    const error = await http.get(`${target}/secure`).catch((e: unknown) => e);
    await http.close();
    expect(proxy.seen).toEqual([`CONNECT ${target.replace("https://", "")}`]);
    expect(isBuildInfoError(error) && error.code).toBe("E_NETWORK");
    expect((error as Error).message).toMatch(/certificate/);
    expect(isBuildInfoError(error) && error.hint).toMatch(/NODE_EXTRA_CA_CERTS/);
  });
});
