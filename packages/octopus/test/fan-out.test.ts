import { afterEach, describe, expect, it } from "vitest";
import type { Loopback } from "../../http/test/support/loopback";
import { createOctopusClient } from "../src/index";
import { apiKey, buildInformation, fastRetry } from "./fixtures";
import { json, startOctopusStub } from "./octopus-stub";

let stub: Loopback | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** A build-information endpoint that answers after 40 ms and records the most POSTs it saw at once. */
async function startCountingStub() {
  const seen = { inFlight: 0, max: 0 };
  stub = await startOctopusStub({
    buildInformation: (_req, res, body) => {
      seen.inFlight += 1;
      seen.max = Math.max(seen.max, seen.inFlight);
      const { PackageId, Version } = JSON.parse(body) as { PackageId: string; Version: string };
      setTimeout(() => {
        seen.inFlight -= 1;
        json(res, 200, { Id: `BuildInformation-${PackageId}`, PackageId, Version, ...buildInformation });
      }, 40);
    },
  });
  return seen;
}

describe("pushToPackages fan-out", () => {
  it("keeps at most `concurrency` POSTs in flight and returns results in input order", async () => {
    const seen = await startCountingStub();
    const client = createOctopusClient({ serverUrl: stub!.url, apiKey, ...fastRetry });
    const packages = Array.from({ length: 12 }, (_, i) => ({ packageId: `Pkg.${i}`, version: "1.0.0" }));
    const summary = await client.pushToPackages({
      packages,
      buildInformation,
      overwriteMode: "FailIfExists",
      concurrency: 3,
    });
    await client.close();
    expect(seen.max).toBe(3);
    expect(summary.results.map((r) => r.recordId)).toEqual(
      packages.map((p) => `BuildInformation-${p.packageId}`),
    );
  });

  it("defaults to 64 in flight, so 60 packages go out in one wave and 100 never open 100 sockets", async () => {
    const seen = await startCountingStub();
    let connections = 0;
    stub!.server.on("connection", () => {
      connections += 1;
    });
    const client = createOctopusClient({ serverUrl: stub!.url, apiKey, ...fastRetry });
    const packages = Array.from({ length: 100 }, (_, i) => ({ packageId: `Pkg.${i}`, version: "1.0.0" }));
    const summary = await client.pushToPackages({
      packages,
      buildInformation,
      overwriteMode: "FailIfExists",
    });
    await client.close();
    expect(summary.failed).toEqual([]);
    expect(seen.max).toBeLessThanOrEqual(64);
    expect(seen.max).toBeGreaterThan(32);
    expect(connections).toBeLessThanOrEqual(64);
  });
});
