import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterEach, describe, expect, it } from "vitest";
import { call, pushBody } from "../../server/test/octopus-call";
import { createFaultQueue, type FaultQueue, type FaultQueueOptions } from "../src/fault-queue";

let server: LocalOctopusServer;
let faults: FaultQueue;
afterEach(async () => {
  await server.close();
});

const pushPath = "/api/Spaces-1/build-information";

function push(version = "1.0.0", signal?: AbortSignal) {
  return call(server, "POST", pushPath, { body: pushBody("Shop.Web", version), signal });
}

async function transportError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error("the request was expected to fail at the transport level");
    },
    (failure: Error & { cause?: { code?: string; name?: string } }) => failure,
  );
  return error.cause?.code ?? error.name;
}

/** A local server with a fresh fault queue plugged into its request hook. */
async function startWithFaults(options: FaultQueueOptions = {}): Promise<LocalOctopusServer> {
  faults = createFaultQueue(options);
  return startOctopusServer({ beforeRequest: faults.beforeRequest });
}

describe("the fault queue in the local server's request hook", () => {
  it("answers an injected status the given number of times, with Retry-After, then behaves again", async () => {
    server = await startWithFaults();
    faults.inject({ kind: "status", status: 503, times: 2 });
    faults.inject({ kind: "status", status: 429, retryAfter: "2" });
    const first = await push();
    expect(first.status).toBe(503);
    expect(first.json.ErrorMessage).toBe("Injected fault: HTTP 503.");
    expect((await push()).status).toBe(503);
    const throttled = await push();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("2");
    expect((await push()).status).toBe(200);
    expect(server.records()).toHaveLength(1);
    expect(server.requests.filter((request) => request.method === "POST")).toHaveLength(4);
  });

  it("serves a proxy's HTML error page as given", async () => {
    server = await startWithFaults();
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    faults.inject({ kind: "status", status: 502, body: html, contentType: "text/html" });
    const response = await push();
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/html");
    expect(response.text).toBe(html);
  });

  it("applies faults only to matching requests, in injection order", async () => {
    server = await startWithFaults();
    faults.inject({
      kind: "status",
      status: 500,
      match: { method: "post", path: /build-information$/ },
    });
    faults.inject({ kind: "status", status: 502 });
    expect((await call(server, "GET", "/api/Spaces-1")).status).toBe(502);
    expect((await push()).status).toBe(500);
    expect((await push()).status).toBe(200);
    faults.inject({ kind: "status", status: 503, times: 5 });
    faults.clear();
    expect((await call(server, "GET", "/api/Spaces-1")).status).toBe(200);
  });

  it("delays one request by the latency fault and every request by latencyMs", async () => {
    server = await startWithFaults({ latencyMs: 40 });
    faults.inject({ kind: "latency", ms: 150 });
    let started = performance.now();
    expect((await push()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(185);
    started = performance.now();
    expect((await push("1.0.1")).status).toBe(200);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(38);
    expect(elapsed).toBeLessThan(150);
  });

  it("resets the connection before storing: nothing is stored", async () => {
    server = await startWithFaults();
    faults.inject({ kind: "reset-before-store" });
    expect(await transportError(push())).toBe("ECONNRESET");
    expect(server.records()).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(JSON.parse(server.requests[0]!.body).PackageId).toBe("Shop.Web");
    expect((await push()).status).toBe(200);
  });

  it("resets the connection after storing: the record exists and a plain retry meets a 409", async () => {
    server = await startWithFaults();
    faults.inject({ kind: "reset-after-store" });
    expect(await transportError(push())).toBe("ECONNRESET");
    expect(server.records().map((record) => record.PackageId)).toEqual(["Shop.Web"]);
    expect((await push()).status).toBe(409);
  });

  it("hangs without answering until the client gives up, and close() still returns promptly", async () => {
    server = await startWithFaults();
    faults.inject({ kind: "hang" });
    expect(await transportError(push("1.0.0", AbortSignal.timeout(200)))).toBe("TimeoutError");
    expect(server.records()).toEqual([]);
    faults.inject({ kind: "hang" });
    const pending = push("1.0.0").catch((error: unknown) => error);
    while (server.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    server = await startWithFaults();
  });

  it("stalls the body: stored, 200 with JSON headers, part of the body, never the rest", async () => {
    server = await startWithFaults();
    faults.inject({ kind: "stall-body", match: { method: "POST" } });
    const response = await fetch(`${server.url}${pushPath}`, {
      method: "POST",
      headers: { "X-Octopus-ApiKey": server.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify(pushBody("Shop.Web", "1.0.0")),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const declared = Number(response.headers.get("content-length"));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(first.value!.length).toBeGreaterThan(0);
    expect(first.value!.length).toBeLessThan(declared);
    expect(server.records().map((record) => record.PackageId)).toEqual(["Shop.Web"]);
    // The rest never comes: closing the server cuts the answer short instead of completing it.
    let received = first.value!.length;
    const outcome = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended";
        received += value.length;
      }
    })().catch(() => "cut short");
    await server.close();
    expect(await outcome).toBe("cut short");
    expect(received).toBeLessThan(declared);
    server = await startWithFaults();
    expect((await push("1.0.1")).status).toBe(200);
  });

  it("refuses a fault with a non-positive times", async () => {
    server = await startWithFaults();
    expect(() => faults.inject({ kind: "hang", times: 0 })).toThrow(/times must be a positive integer/);
  });
});
