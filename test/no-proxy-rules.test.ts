import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProxySettings, proxyFor } from "../packages/http/src/proxy-settings";
import { type ForwardProxy, startForwardProxy } from "./support/forward-proxy";

type Undici = typeof import("../packages/http/node_modules/undici");
const undiciEntry = fileURLToPath(new URL("../packages/http/node_modules/undici/index.js", import.meta.url));
// The agent keeps its three inner agents under these symbols; replaced, they record its choice.
const undiciSymbols = fileURLToPath(
  new URL("../packages/http/node_modules/undici/lib/core/symbols.js", import.meta.url),
);

// The client chooses each request's route itself (packages/http/src/proxy-settings.ts), by the
// rules of undici 7.30.2's EnvHttpProxyAgent, which chose it before. Here that agent decides, and the
// client's rules must agree with every decision: over real sockets for generated NO_PROXY values, and,
// with the agent's inner agents replaced by recorders, over generated URLs and settings.
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
          expect(proxyFor(url, settings) !== "", `NO_PROXY=${JSON.stringify(noProxy)}`).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
    // Both outcomes were exercised, so agreement is not one constant answer.
    expect(decisions.proxied).toBeGreaterThan(10);
    expect(decisions.direct).toBeGreaterThan(10);
  });

  it("agrees for any scheme, host form, port and proxy variables", async () => {
    const symbols = (await import(undiciSymbols)) as Record<string, symbol>;
    const inner = [symbols.kNoProxyAgent!, symbols.kHttpProxyAgent!, symbols.kHttpsProxyAgent!];
    /** The proxy EnvHttpProxyAgent sends a request for `url` through, "" for none. */
    function undiciRoute(url: URL, settings: ProxySettings): string {
      const agent = new undici.EnvHttpProxyAgent(settings) as unknown as Record<
        symbol,
        { dispatch: unknown }
      >;
      let route = "";
      for (const [index, key] of inner.entries()) {
        agent[key]!.dispatch = () => {
          route =
            agent[key] === agent[inner[0]!] ? "" : index === 1 ? settings.httpProxy : settings.httpsProxy;
          return true;
        };
      }
      (agent as unknown as { dispatch(options: object, handler: object): boolean }).dispatch(
        { origin: url.origin, path: "/", method: "GET" },
        { onError() {}, onResponseStart() {}, onResponseData() {}, onResponseEnd() {}, onResponseError() {} },
      );
      return route;
    }
    const hosts = [
      "127.0.0.1",
      "octopus.example.com",
      "Octopus.Example.COM",
      "octopus.example.com.",
      "a.b.example.com",
      "[::1]",
      "[2001:db8::1]",
      "bücher.example",
    ];
    const entries = [
      "*",
      "*.example.com",
      ".example.com",
      "example.com",
      "EXAMPLE.COM:443",
      "example.com:8443",
      "[::1]",
      "[::1]:8443",
      "::1",
      "127.0.0.1:0080",
      "bücher.example",
      "xn--bcher-kva.example",
      ".",
      "com",
    ];
    await fc.assert(
      fc.property(
        fc.constantFrom("http:", "https:", "ws:", "wss:"),
        fc.constantFrom(...hosts),
        fc.constantFrom("", ":80", ":443", ":8443"),
        fc.oneof(
          fc.constantFrom("*", " *", ""),
          fc
            .array(fc.tuple(fc.constantFrom(...entries), fc.constantFrom(",", " ", ", ", "\t")), {
              maxLength: 4,
            })
            .map((parts) => parts.map(([entry, sep]) => entry + sep).join("")),
        ),
        fc.constantFrom("", "http://proxy.example.com:3128"),
        fc.constantFrom("", "http://secure-proxy.example.com:3129"),
        (protocol, host, port, noProxy, httpProxy, httpsProxy) => {
          const url = new URL(`${protocol}//${host}${port}/api`);
          const settings = { httpProxy, httpsProxy: httpsProxy || httpProxy, noProxy };
          expect(proxyFor(url, settings), `${url.href} NO_PROXY=${JSON.stringify(noProxy)}`).toBe(
            undiciRoute(url, settings),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
