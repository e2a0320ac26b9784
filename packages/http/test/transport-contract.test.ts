import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { BuildInfoError, Environment, Logger } from "@buildinfo/core";
import { afterEach, describe, expect, it } from "vitest";
import { type ForwardProxy, startForwardProxy } from "../../../test/support/forward-proxy";
import { startNeverAcceptingListener } from "../../../test/support/never-accepting-listener";
import { createTransport, mayHaveArrived, type RetryOptions, type Transport } from "../src/index";
import { maxResponseBytes } from "../src/send";
import type { RequestTimeouts } from "../src/transport";
import { type Loopback, startLoopback } from "./support/loopback";
import { rejection } from "./support/rejection";

/**
 * One contract for both ways a request leaves this package (src/transport.ts): Node's own http when no
 * proxy applies, undici's ProxyAgent through a proxy. Every case runs on both, over real loopback
 * sockets: the proxied path goes through a real forward proxy (test/support/forward-proxy.ts) to the
 * same origin, except where the failure is the first connection's own (refused, unresolvable, reset,
 * never accepted): there the proxy itself is the misbehaving first hop.
 */

const tls = fileURLToPath(new URL("./fixtures/tls/", import.meta.url));
const distEntry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

/** What a test can count at the first hop: the origin itself, or the proxy in front of it. */
interface Hop {
  url: string;
  server: Server;
  connections(): number;
  openConnections(): Promise<number>;
}

interface Route {
  env: Environment;
  url: string;
  /** Where the transport's own connections go. */
  hop: Hop;
}

interface TransportPath {
  name: string;
  /** Sends to `origin` along this path. */
  route(origin: Hop): Promise<Route>;
  /** A request whose first connection goes to `hop`: the server itself, or the proxy. */
  firstHop(hop: string): { env: Environment; url: string };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startOrigin(...args: Parameters<typeof startLoopback>): Promise<Loopback> {
  const origin = await startLoopback(...args);
  cleanups.push(origin.close);
  return origin;
}

async function startProxy(): Promise<ForwardProxy> {
  const proxy = await startForwardProxy();
  cleanups.push(proxy.close);
  return proxy;
}

const paths: TransportPath[] = [
  {
    name: "Node's http, direct",
    route: async (origin) => ({ env: {}, url: origin.url, hop: origin }),
    firstHop: (hop) => ({ env: {}, url: `${hop}/first-hop` }),
  },
  {
    name: "undici's ProxyAgent, through a forward proxy",
    async route(origin) {
      const proxy = await startProxy();
      return { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }, url: origin.url, hop: proxy };
    },
    firstHop: (hop) => ({
      env: { HTTP_PROXY: hop, HTTPS_PROXY: hop },
      url: "http://octopus.example/first-hop",
    }),
  },
];

interface SendSettings {
  timeouts?: RequestTimeouts;
  retry?: RetryOptions;
  /** The whole send's time, retries included. Default 10 s. */
  deadlineMs?: number;
  method?: "GET" | "POST";
  body?: string;
  path?: string;
}

function warnings(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: () => {}, info: () => {}, warn: (line) => lines.push(line) };
}

function open(env: Environment, settings: SendSettings = {}, logger?: Logger): Transport {
  const transport = createTransport({
    env,
    ...(settings.timeouts === undefined ? {} : { requestTimeouts: settings.timeouts }),
    // One attempt unless a case is about retrying.
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 1, ...settings.retry },
    ...(logger === undefined ? {} : { logger }),
  });
  cleanups.push(() => transport.close());
  return transport;
}

function sendWith(transport: Transport, url: string, settings: SendSettings = {}) {
  return transport.send(
    {
      method: settings.method ?? "GET",
      url: `${url}${settings.path ?? ""}`,
      headers: settings.body === undefined ? {} : { "content-type": "application/json" },
      ...(settings.body === undefined ? {} : { body: settings.body }),
    },
    { deadline: Date.now() + (settings.deadlineMs ?? 10_000), doing: "testing the transport" },
  );
}

function send(route: { env: Environment; url: string }, settings: SendSettings = {}) {
  return sendWith(open(route.env, settings), route.url, settings);
}

/** The error a send failed with, and whether the transport says the request may have arrived. */
async function failure(sending: Promise<unknown>): Promise<{ error: BuildInfoError; arrived: boolean }> {
  const error = await rejection(sending);
  return { error, arrived: mayHaveArrived(error) };
}

/** A free loopback port nothing listens on. */
async function closedPort(): Promise<string> {
  const origin = await startLoopback(() => {});
  await origin.close();
  return origin.url;
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startTlsOrigin(): Promise<Hop> {
  const server = createHttpsServer(
    { key: readFileSync(`${tls}server-key.pem`), cert: readFileSync(`${tls}server.pem`) },
    (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
  );
  let accepted = 0;
  server.on("connection", () => {
    accepted += 1;
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    connections: () => accepted,
    openConnections: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
  };
}

describe.each(paths)("the transport over $name", (path) => {
  it("sends the method, headers and body, and returns the status, headers and body", async () => {
    const origin = await startOrigin((req, res, body) => {
      res.writeHead(201, { "content-type": "application/json", "x-seen": `${req.method} ${req.url}` });
      res.end(JSON.stringify({ length: req.headers["content-length"], body }));
    });
    const route = await path.route(origin);
    const { response, attempts, earlierAttemptMaybeDelivered } = await send(route, {
      method: "POST",
      path: "/api/Spaces-1/build-information?overwriteMode=FailIfExists",
      body: '{"PackageId":"Acme.Web"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers["x-seen"]).toMatch(
      /^POST .*\/api\/Spaces-1\/build-information\?overwriteMode=FailIfExists$/,
    );
    expect(JSON.parse(response.text)).toEqual({ length: "24", body: '{"PackageId":"Acme.Web"}' });
    expect({ attempts, earlierAttemptMaybeDelivered }).toEqual({
      attempts: 1,
      earlierAttemptMaybeDelivered: false,
    });
  });

  describe("timeouts", () => {
    it("connect: a first hop that never completes the handshake times out after connectMs, retried", async () => {
      const listener = await startNeverAcceptingListener();
      cleanups.push(listener.close);
      const started = Date.now();
      const { error, arrived } = await failure(
        send(path.firstHop(listener.url), {
          timeouts: { connectMs: 150 },
          retry: { maxAttempts: 2 },
          deadlineMs: 8_000,
        }),
      );
      expect(error.code).toBe("E_TIMEOUT");
      expect(error.message).toMatch(/connecting timed out \(gave up after 2 attempts/);
      expect(arrived).toBe(false);
      expect(Date.now() - started).toBeLessThan(4_000);
    });

    it("headers: an origin that never answers times out after headersMs; the request may have arrived", async () => {
      const origin = await startOrigin(() => {});
      const { error, arrived } = await failure(
        send(await path.route(origin), { timeouts: { headersMs: 200 } }),
      );
      expect(error.code).toBe("E_TIMEOUT");
      expect(error.message).toMatch(/did not answer in time \(headers timeout\)/);
      expect(arrived).toBe(true);
    });

    it("body: an answer that stalls half-way times out after bodyMs of silence", async () => {
      const origin = await startOrigin((_req, res) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"Id":"BuildInformation-1"');
      });
      const { error, arrived } = await failure(send(await path.route(origin), { timeouts: { bodyMs: 200 } }));
      expect(error.code).toBe("E_TIMEOUT");
      expect(error.message).toMatch(/stopped sending its answer \(body timeout\)/);
      expect(arrived).toBe(true);
    });

    it("body: a slow but steady answer, longer in all than bodyMs, is read whole (each chunk re-arms the timer)", async () => {
      const chunks = 8;
      const origin = await startOrigin((_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        let sent = 0;
        const next = () => {
          res.write(`chunk ${sent}\n`);
          sent += 1;
          if (sent === chunks) res.end();
          else setTimeout(next, 100);
        };
        next();
      });
      const started = Date.now();
      const { response } = await send(await path.route(origin), { timeouts: { bodyMs: 400 } });
      expect(Date.now() - started).toBeGreaterThan(400);
      expect(response.text.split("\n").filter(Boolean)).toHaveLength(chunks);
    });

    it("overall: the deadline aborts a request whose own timeouts have not run out", async () => {
      const origin = await startOrigin(() => {});
      const started = Date.now();
      const { error } = await failure(
        send(await path.route(origin), { timeouts: { headersMs: 30_000 }, deadlineMs: 300 }),
      );
      expect(error.code).toBe("E_TIMEOUT");
      expect(error.message).toMatch(/the overall time limit ran out/);
      expect(Date.now() - started).toBeLessThan(3_000);
    });
  });

  describe("connections", () => {
    it("keeps connections alive: ten requests in a row open no more connections than the first two did", async () => {
      const origin = await startOrigin((_req, res) => res.end("ok"));
      const route = await path.route(origin);
      const transport = open(route.env);
      for (let i = 0; i < 2; i++) expect((await sendWith(transport, route.url)).response.text).toBe("ok");
      const opened = route.hop.connections();
      for (let i = 0; i < 8; i++) expect((await sendWith(transport, route.url)).response.text).toBe("ok");
      expect(route.hop.connections()).toBe(opened);
    });

    it("opens at most `connections` sockets to the first hop, however many requests are in flight", async () => {
      const origin = await startOrigin((_req, res) => setTimeout(() => res.end("ok"), 100));
      const route = await path.route(origin);
      const transport = createTransport({ env: route.env }, 2);
      cleanups.push(() => transport.close());
      const answers = await Promise.all(Array.from({ length: 6 }, () => sendWith(transport, route.url)));
      expect(answers.map((answer) => answer.response.text)).toEqual(Array(6).fill("ok"));
      expect(route.hop.connections()).toBe(2);
    });

    it("opens a new connection once the first hop closed the idle one, without a failed attempt", async () => {
      const origin = await startOrigin((_req, res) => res.end("ok"));
      const route = await path.route(origin);
      route.hop.server.keepAliveTimeout = 100;
      const transport = open(route.env);
      expect((await sendWith(transport, route.url)).attempts).toBe(1);
      await waitFor(async () => (await route.hop.openConnections()) === 0, "the idle connection is closed");
      const again = await sendWith(transport, route.url);
      expect({ text: again.response.text, attempts: again.attempts }).toEqual({ text: "ok", attempts: 1 });
      expect(route.hop.connections()).toBe(2);
    });

    it("closes its kept-alive connections on close()", async () => {
      const origin = await startOrigin((_req, res) => res.end("ok"));
      const route = await path.route(origin);
      const transport = createTransport({ env: route.env });
      await sendWith(transport, route.url);
      expect(await route.hop.openConnections()).toBe(1);
      await transport.close();
      await waitFor(async () => (await route.hop.openConnections()) === 0, "the connection is closed");
    });
  });

  describe("answer size caps", () => {
    it(`reads an answer of exactly ${maxResponseBytes} bytes whole`, async () => {
      const body = Buffer.alloc(maxResponseBytes, "a");
      const origin = await startOrigin((_req, res) => res.end(body));
      const { response } = await send(await path.route(origin));
      expect(response.text.length).toBe(maxResponseBytes);
    });

    it("refuses an answer that announces more than the cap, without reading it and without retrying", async () => {
      const origin = await startOrigin((_req, res) => {
        res.writeHead(200, { "content-length": String(maxResponseBytes + 1) });
        res.write("{");
      });
      const { error } = await failure(send(await path.route(origin), { retry: { maxAttempts: 3 } }));
      expect(error.code).toBe("E_RESPONSE_TOO_LARGE");
      expect(error.message).toMatch(/announced 33554433 bytes, more than the limit of 32 MiB/);
      expect(origin.requests).toHaveLength(1);
    });

    it("stops reading an answer that keeps sending past the cap", async () => {
      const megabyte = Buffer.alloc(1024 * 1024, "a");
      const origin = await startOrigin((_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        let sent = 0;
        const next = (): void => {
          while (sent <= maxResponseBytes) {
            sent += megabyte.length;
            if (!res.write(megabyte)) {
              res.once("drain", next);
              return;
            }
          }
          res.end();
        };
        next();
      });
      const { error } = await failure(send(await path.route(origin), { retry: { maxAttempts: 3 } }));
      expect(error.code).toBe("E_RESPONSE_TOO_LARGE");
      expect(error.message).toMatch(/kept sending, more than the limit of 32 MiB/);
      expect(origin.requests).toHaveLength(1);
    });
  });

  describe("TLS", () => {
    it("verifies the certificate: one signed by an unknown CA fails as E_NETWORK naming NODE_EXTRA_CA_CERTS, not retried", async () => {
      const origin = await startTlsOrigin();
      const route = await path.route(origin);
      const { error, arrived } = await failure(send(route, { retry: { maxAttempts: 3 } }));
      expect(error.code).toBe("E_NETWORK");
      expect(error.message).toMatch(/TLS certificate verification failed/);
      expect(error.hint).toMatch(/NODE_EXTRA_CA_CERTS/);
      expect(arrived).toBe(false);
      expect(origin.connections()).toBe(1);
    });

    it("trusts the extra CAs of NODE_EXTRA_CA_CERTS (read at start-up, so in a fresh process)", async () => {
      if (!existsSync(distEntry)) {
        throw new Error(
          `${distEntry} is missing: build the workspace first (\`npm test\` does; locally \`pnpm -r build\`).`,
        );
      }
      const origin = await startTlsOrigin();
      const route = await path.route(origin);
      const script = `
        const { createTransport } = await import(${JSON.stringify(distEntry)});
        const transport = createTransport({ env: JSON.parse(process.argv[2]) });
        const { response } = await transport.send(
          { method: "GET", url: process.argv[1], headers: {} },
          { deadline: Date.now() + 10000, doing: "testing the transport" },
        );
        process.stdout.write(response.status + " " + response.text);
        await transport.close();`;
      const child = spawn(
        process.execPath,
        ["--input-type=module", "-e", script, `${route.url}/secure`, JSON.stringify(route.env)],
        { env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: `${tls}ca.pem` } },
      );
      let output = "";
      child.stdout.on("data", (chunk) => {
        output += chunk;
      });
      child.stderr.on("data", (chunk) => {
        output += chunk;
      });
      const [code] = await once(child, "exit");
      expect(output).toBe('200 {"ok":true}');
      expect(code).toBe(0);
      // The child's one connection went to the first hop of this path: the origin, or the proxy's tunnel.
      expect(route.hop.connections()).toBe(1);
    });
  });

  describe("transport failures, classified alike", () => {
    it("a refused connection: E_NETWORK ECONNREFUSED, retried, never delivered", async () => {
      const { error, arrived } = await failure(
        send(path.firstHop(await closedPort()), { retry: { maxAttempts: 2 } }),
      );
      expect(error.code).toBe("E_NETWORK");
      expect(error.message).toMatch(/the connection was refused \(ECONNREFUSED\) \(gave up after 2 attempts/);
      expect(arrived).toBe(false);
    });

    it("a host name that does not resolve: E_NETWORK, retried, never delivered", async () => {
      const { error, arrived } = await failure(
        send(path.firstHop("http://nowhere.invalid:3128"), { retry: { maxAttempts: 2 } }),
      );
      expect(error.code).toBe("E_NETWORK");
      expect(error.message).toMatch(
        /the host name could not be resolved \((ENOTFOUND|EAI_AGAIN)\) \(gave up after 2 attempts/,
      );
      expect(arrived).toBe(false);
    });

    it("a connection reset after the request was read: E_NETWORK, retried, may have been delivered", async () => {
      const hop = await startOrigin((req) => req.socket.resetAndDestroy());
      const { error, arrived } = await failure(send(path.firstHop(hop.url), { retry: { maxAttempts: 2 } }));
      expect(error.code).toBe("E_NETWORK");
      expect(error.message).toMatch(/the connection was lost \(.+\) \(gave up after 2 attempts/);
      expect(arrived).toBe(true);
      expect(hop.requests).toHaveLength(2);
    });

    it("a connection closed half-way through the answer: E_NETWORK, retried, may have been delivered", async () => {
      const hop = await startOrigin((_req, res) => {
        res.writeHead(200, { "content-length": "100" });
        res.write('{"Id":', () => res.socket?.end());
      });
      const { error, arrived } = await failure(send(path.firstHop(hop.url), { retry: { maxAttempts: 2 } }));
      expect(error.code).toBe("E_NETWORK");
      expect(error.message).toMatch(/the connection was lost \(.+\) \(gave up after 2 attempts/);
      expect(arrived).toBe(true);
      expect(hop.requests).toHaveLength(2);
    });
  });

  describe("retries", () => {
    it("retries 500, 502, 503 and 504 with backoff until an answer that is not retryable", async () => {
      const statuses = [500, 502, 503, 504, 200];
      const origin = await startOrigin((_req, res, _body, index) =>
        res.writeHead(statuses[index] ?? 200).end(),
      );
      const logger = warnings();
      const transport = open((await path.route(origin)).env, { retry: { maxAttempts: 5 } }, logger);
      const { response, attempts } = await sendWith(transport, origin.url);
      expect({ status: response.status, attempts }).toEqual({ status: 200, attempts: 5 });
      expect(logger.lines.map((line) => /HTTP (\d+); retrying in \d+ ms/.exec(line)?.[1])).toEqual([
        "500",
        "502",
        "503",
        "504",
      ]);
    });

    it("retries 429 after the Retry-After the server asks for", async () => {
      const origin = await startOrigin((_req, res, _body, index) =>
        index === 0 ? res.writeHead(429, { "retry-after": "1" }).end() : res.writeHead(200).end(),
      );
      const logger = warnings();
      const transport = open((await path.route(origin)).env, { retry: { maxAttempts: 3 } }, logger);
      const started = Date.now();
      const { response, attempts } = await sendWith(transport, origin.url);
      expect({ status: response.status, attempts }).toEqual({ status: 200, attempts: 2 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(logger.lines).toEqual([
        expect.stringMatching(/HTTP 429; retrying in 1000 ms as the server's Retry-After asks/),
      ]);
    });

    it("returns the last answer when the attempts run out on a retryable status", async () => {
      const origin = await startOrigin((_req, res) => res.writeHead(503).end("busy"));
      const { response, attempts } = await send(await path.route(origin), { retry: { maxAttempts: 3 } });
      expect({ status: response.status, text: response.text, attempts }).toEqual({
        status: 503,
        text: "busy",
        attempts: 3,
      });
    });

    it.each([400, 401, 403, 404, 409, 422, 501, 505])(
      "never retries %i (a 4xx is the request's own fault; 501 and 505 say no attempt can succeed)",
      async (status) => {
        const origin = await startOrigin((_req, res) => res.writeHead(status).end());
        const { response, attempts } = await send(await path.route(origin), { retry: { maxAttempts: 3 } });
        expect({ status: response.status, attempts }).toEqual({ status, attempts: 1 });
        expect(origin.requests).toHaveLength(1);
      },
    );

    it("reports a 409 after an attempt whose answer was lost as possibly caused by that attempt", async () => {
      // The first attempt reaches the server, which stores it and loses the answer; the retry meets the
      // 409 its own first attempt caused (the Octopus client then reads the record back: push.ts).
      const origin = await startOrigin((req, res, _body, index) =>
        index === 0 ? req.socket.resetAndDestroy() : res.writeHead(409).end(),
      );
      const answer = await send(await path.route(origin), {
        method: "POST",
        body: "{}",
        retry: { maxAttempts: 3 },
      });
      expect({
        status: answer.response.status,
        attempts: answer.attempts,
        earlierAttemptMaybeDelivered: answer.earlierAttemptMaybeDelivered,
      }).toEqual({ status: 409, attempts: 2, earlierAttemptMaybeDelivered: true });
    });

    it("reports a 409 on the first attempt as a plain conflict", async () => {
      const origin = await startOrigin((_req, res) => res.writeHead(409).end());
      const answer = await send(await path.route(origin), {
        method: "POST",
        body: "{}",
        retry: { maxAttempts: 3 },
      });
      expect({
        attempts: answer.attempts,
        earlierAttemptMaybeDelivered: answer.earlierAttemptMaybeDelivered,
      }).toEqual({
        attempts: 1,
        earlierAttemptMaybeDelivered: false,
      });
    });
  });
});

describe("failures only a proxy can cause", () => {
  it("a proxy asking for credentials (407): E_NETWORK naming the proxy, not retried", async () => {
    const proxy = await startOrigin((_req, res) =>
      res.writeHead(407, { "proxy-authenticate": "Basic" }).end(),
    );
    const { error } = await failure(
      send(
        { env: { HTTP_PROXY: proxy.url }, url: "http://octopus.example/api" },
        { retry: { maxAttempts: 3 } },
      ),
    );
    expect(error.code).toBe("E_NETWORK");
    expect(error.message).toMatch(/the proxy requires authentication \(407\)/);
    expect(error.hint).toMatch(/HTTPS_PROXY/);
    expect(proxy.requests).toHaveLength(1);
  });

  it("a proxy refusing the https tunnel with a 5xx: E_NETWORK with its status, retried", async () => {
    const proxy = await startOrigin(() => {});
    proxy.server.on("connect", (_req, socket) => socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n"));
    const { error } = await failure(
      send(
        { env: { HTTPS_PROXY: proxy.url }, url: "https://octopus.example/api" },
        { retry: { maxAttempts: 2 } },
      ),
    );
    expect(error.code).toBe("E_NETWORK");
    expect(error.message).toMatch(/the proxy refused the tunnel with HTTP 502 \(gave up after 2 attempts/);
  });
});
