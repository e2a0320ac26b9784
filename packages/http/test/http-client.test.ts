import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../src/index";
import { type Loopback, startLoopback } from "./support/loopback";
import { rejection } from "./support/rejection";

const fast = { retry: { baseDelayMs: 5, maxAttempts: 4 }, env: {} };
let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createHttpClient", () => {
  it("returns statuses and bodies without throwing, sending auth and a user agent", async () => {
    server = await startLoopback((_req, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"message":"nope"}');
    });
    const http = createHttpClient(fast);
    const response = await http.get(`${server.url}/job/x/api/json`, {
      basicAuth: { username: "ci", password: "s3cret-pass" },
      headers: { Accept: "application/json" },
    });
    await http.close();
    expect(response).toMatchObject({ status: 404, text: '{"message":"nope"}' });
    expect(response.headers["content-type"]).toBe("application/json");
    const sent = server.requests[0]!.headers;
    expect(sent.authorization).toBe(`Basic ${Buffer.from("ci:s3cret-pass").toString("base64")}`);
    expect(sent["user-agent"]).toMatch(/^ts-octopusdeploy buildinfo\/\d/);
    expect(sent.accept).toBe("application/json");
  });

  it("retries 503 and 429 for GETs and logs each retry without secrets", async () => {
    server = await startLoopback((_req, res, _body, index) => {
      if (index === 0) res.writeHead(503).end("busy");
      else if (index === 1) res.writeHead(429, { "retry-after": "0" }).end();
      else res.writeHead(200).end("ok");
    });
    const lines: string[] = [];
    const logger = { debug: () => {}, info: () => {}, warn: (line: string) => lines.push(line) };
    const http = createHttpClient({ ...fast, logger });
    const response = await http.get(`${server.url}/x?token=abc123secret`, { bearerToken: "tok-abcdef" });
    await http.close();
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/HTTP 503; retrying in \d+ ms/);
    expect(lines.join("\n")).not.toMatch(/abc123secret|tok-abcdef/);
  });

  it("throws E_NETWORK for a refused connection after retrying", async () => {
    const closed = await startLoopback(() => {});
    await closed.close();
    const http = createHttpClient({ ...fast, retry: { baseDelayMs: 1, maxAttempts: 2 } });
    const error = await rejection(http.get(`${closed.url}/x`));
    await http.close();
    expect(error.code).toBe("E_NETWORK");
    expect(error.message).toMatch(/ECONNREFUSED.*2 attempts/);
  });

  it("throws E_TIMEOUT when the server never answers", async () => {
    server = await startLoopback(() => {});
    const http = createHttpClient({ ...fast, timeoutMs: 300, requestTimeouts: { headersMs: 100 } });
    const started = Date.now();
    const error = await rejection(http.get(`${server.url}/hang`));
    await http.close();
    expect(error.code).toBe("E_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
