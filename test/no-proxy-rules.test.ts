import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProxySettings, usesProxy } from "../packages/octopus/src/proxy-settings";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy";

type Undici = typeof import("../packages/octopus/node_modules/undici");
const undiciEntry = fileURLToPath(
  new URL("../packages/octopus/node_modules/undici/index.js", import.meta.url),
);

// The client sends a request direct, through Node's own http, when undici's EnvHttpProxyAgent would:
// packages/octopus/src/proxy-settings.ts restates undici's rules. Here undici itself decides, over
// real sockets, for generated NO_PROXY values, and the restatement must agree with every decision.
describe("NO_PROXY: the client's rules against undici's own decisions", () => {
  let undici: Undici;
  let proxy: ForwardProxy;
  let target: Server;
  let port: number;

  beforeAll(async () => {
    undici = (await import(undiciEntry)) as Undici;
    proxy = await startForwardProxy();
    target = createServer((_req, res) => res.writeHead(200).end("direct"));
    target.listen(0, "127.0.0.1");
    await once(target, "listening");
    port = (target.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await proxy?.close();
    target?.closeAllConnections();
    await new Promise((resolve) => target?.close(resolve));
  });

  async function undiciProxies(url: URL, settings: ProxySettings): Promise<boolean> {
    const dispatcher = new undici.EnvHttpProxyAgent({ ...settings, proxyTunnel: false });
    const before = proxy.seen.length;
    try {
      const response = await undici.request(url, { dispatcher });
      await response.body.text();
    } finally {
      await dispatcher.close();
    }
    return proxy.seen.length > before;
  }

  const entry = () =>
    fc.constantFrom(
      "127.0.0.1",
      "127.0.0.1:PORT",
      "127.0.0.1:OTHER",
      "127.0.0.1:0",
      ".0.0.1",
      "*.0.0.1",
      "0.0.1",
      "*.1",
      "27.0.0.1",
      "127.0.0.10",
      "*",
      "localhost",
      "EXAMPLE.com",
      ".example.com",
      "",
    );
  const separator = fc.constantFrom(",", " ", ", ", "\t", "\n", ",,");

  it("agrees on which requests go through the proxy", async () => {
    const noProxyValues = fc.array(fc.tuple(entry(), separator), { maxLength: 4 }).map((parts) =>
      parts
        .map(([value, sep]) => value + sep)
        .join("")
        .replaceAll("PORT", String(port))
        .replaceAll("OTHER", String(port + 1)),
    );
    const decisions = { proxied: 0, direct: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(noProxyValues, fc.constantFrom("*", " *", "127.0.0.1", "")),
        fc.boolean(),
        async (noProxy, httpProxySet) => {
          const settings = { httpProxy: httpProxySet ? proxy.url : "", httpsProxy: proxy.url, noProxy };
          const url = new URL(`http://127.0.0.1:${port}/build`);
          const expected = await undiciProxies(url, settings);
          decisions[expected ? "proxied" : "direct"] += 1;
          expect(usesProxy(url, settings), `NO_PROXY=${JSON.stringify(noProxy)}`).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
    // Both outcomes were exercised, so agreement is not one constant answer.
    expect(decisions.proxied).toBeGreaterThan(10);
    expect(decisions.direct).toBeGreaterThan(10);
  });

  it("takes the https proxy for https, falling back to the http one as the client sets it, and no proxy without one", () => {
    const secure = new URL("https://octopus.example.com/api");
    const plain = new URL("http://octopus.example.com/api");
    const settings = { httpProxy: "", httpsProxy: "http://proxy:3128", noProxy: "" };
    expect(usesProxy(secure, settings)).toBe(true);
    expect(usesProxy(plain, settings)).toBe(false);
    expect(usesProxy(secure, { ...settings, noProxy: "example.com:443" })).toBe(false);
    expect(usesProxy(secure, { ...settings, noProxy: "example.com:8443" })).toBe(true);
    expect(usesProxy(new URL("https://[::1]:8443/"), { ...settings, noProxy: "[::1]" })).toBe(false);
  });
});
