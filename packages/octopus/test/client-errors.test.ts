import { type BuildInfoError, isBuildInfoError } from "@buildinfo/core";
import { afterEach, describe, expect, it } from "vitest";
import type { Loopback } from "../../http/test/support/loopback";
import { createOctopusClient, type OctopusClientOptions } from "../src/index";
import { apiKey, buildInformation, fastRetry, rejection } from "./fixtures";
import { json, type StubOptions, startOctopusStub } from "./octopus-stub";

let stub: Loopback | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function push(
  handler: StubOptions["buildInformation"],
  options: Partial<OctopusClientOptions> & {
    overwriteMode?: "FailIfExists" | "OverwriteExisting";
    linkless?: boolean;
  } = {},
): Promise<BuildInfoError> {
  stub = await startOctopusStub({ buildInformation: handler, buildInformationLink: !options.linkless });
  const client = createOctopusClient({ serverUrl: stub.url, apiKey, ...fastRetry, ...options });
  const summary = await client
    .pushToPackages({
      packages: [{ packageId: "Shop.Api", version: "2.7.0" }],
      buildInformation,
      overwriteMode: options.overwriteMode ?? "FailIfExists",
    })
    .catch((error: unknown) => error);
  await client.close();
  const error = isBuildInfoError(summary)
    ? summary
    : (summary as { failed: { error: BuildInfoError }[] }).failed[0]?.error;
  if (!error) throw new Error("expected a failure");
  expect(error.kind).toBe("remote");
  expect(`${error.message}\n${error.hint}`).not.toContain(apiKey);
  return error;
}

describe("error messages", () => {
  it("400 lists the server's Errors with package and server", async () => {
    const error = await push((_req, res) =>
      json(res, 400, {
        ErrorMessage: "There was a problem with your request.",
        Errors: ["The version is invalid. Please supply a valid semver version number."],
      }),
    );
    expect(error.code).toBe("E_HTTP_400");
    expect(error.message).toContain("Shop.Api 2.7.0");
    expect(error.message).toContain(stub!.url);
    expect(error.message).toContain("  - The version is invalid.");
  });

  it("masks a key the server echoes across the 500-character cut", async () => {
    const echoed = `${"x".repeat(490)}${apiKey}`;
    const error = await push((_req, res) => json(res, 400, { ErrorMessage: echoed, Errors: [echoed] }));
    expect(error.message).toContain("x".repeat(490));
    expect(error.message).not.toContain(apiKey.slice(0, 8));
  });

  it("400 quotes at most 20 of the server's Errors, 500 characters of each", async () => {
    const errors = Array.from({ length: 30 }, (_, i) => `E${i}:${"x".repeat(900)}`);
    const error = await push((_req, res) =>
      json(res, 400, { ErrorMessage: null, Errors: [null, ...errors] }),
    );
    expect(error.message).toContain("  - E19:");
    expect(error.message).not.toContain("E20:");
    expect(error.message).toContain(`  - E0:${"x".repeat(497)}\n`);
    expect(error.message).not.toContain("x".repeat(498));
    expect(error.message).not.toContain("null");
  });

  it("401 says the key was not accepted, or that none was sent, and never echoes it", async () => {
    const echo: StubOptions["buildInformation"] = (req, res) =>
      json(res, 401, { ErrorMessage: `Invalid API key ${req.headers["x-octopus-apikey"]}`, Errors: [] });
    const rejected = await push(echo);
    expect(rejected.code).toBe("E_HTTP_401");
    expect(rejected.message).toMatch(/did not accept the API key or access token/);
    const missing = await push(echo, { apiKey: undefined });
    expect(missing.message).toMatch(/No API key or access token was sent/);
    // The library speaks of the value; the CLI adds its flag and variable (packages/cli/src/flag-hints.ts).
    expect(missing.hint).toMatch(/^Give a valid API key or access token; check it is not expired/);
    expect(missing.hint).not.toMatch(/--api-key|OCTOPUS_API_KEY/);
  });

  it("403 names BuildInformationPush, and BuildInformationAdminister for OverwriteExisting", async () => {
    const forbid: StubOptions["buildInformation"] = (_req, res) =>
      json(res, 403, { ErrorMessage: "You do not have permission to perform this action.", Errors: [] });
    const push403 = await push(forbid);
    expect(push403.code).toBe("E_HTTP_403");
    expect(push403.hint).toContain("BuildInformationPush");
    expect(push403.hint).not.toContain("BuildInformationAdminister");
    const overwrite403 = await push(forbid, { overwriteMode: "OverwriteExisting" });
    expect(overwrite403.hint).toContain("BuildInformationAdminister");
  });

  it("409 on a first attempt is a conflict naming both overwrite modes, without retrying", async () => {
    const error = await push((_req, res) =>
      json(res, 409, {
        ErrorMessage: "Metadata for the specified Package ID and version already exists.",
        Errors: [],
      }),
    );
    expect(error.code).toBe("E_HTTP_409");
    expect(error.hint).toMatch(/IgnoreIfExists.*OverwriteExisting/);
    expect(stub!.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("an HTML 502 from a proxy is retried, then reported with its status and title", async () => {
    const error = await push((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>");
    });
    expect(error.code).toBe("E_BAD_RESPONSE");
    expect(error.message).toMatch(/HTTP 502 \(text\/html\).*"502 Bad Gateway".*after 3 attempts/);
    expect(stub!.requests.filter((r) => r.method === "POST")).toHaveLength(3);
  });

  it("a 200 login page is not taken for success", async () => {
    const error = await push((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>Sign in</title><p>token=${apiKey}</p>`);
    });
    expect(error.code).toBe("E_BAD_RESPONSE");
    expect(error.message).toMatch(/HTTP 200.*"Sign in"/);
  });

  it("a persistent 500 is E_HTTP_5XX after the retries", async () => {
    const error = await push((_req, res) => json(res, 500, { ErrorMessage: "Database timeout", Errors: [] }));
    expect(error.code).toBe("E_HTTP_5XX");
    expect(error.message).toMatch(/HTTP 500 \(after 3 attempts\):\nDatabase timeout/);
  });

  it("a server without the BuildInformation link is too old", async () => {
    // A server before 2019.9 does not know the route: 404, and the space root tells why.
    const error = await push((_req, res) => json(res, 404, { ErrorMessage: "Not found" }), {
      linkless: true,
    });
    expect(error.code).toBe("E_SERVER_TOO_OLD");
    expect(error.message).toContain("requires Octopus 2019.9.0 or newer");
  });

  it("an unknown space lists the spaces that exist", async () => {
    stub = await startOctopusStub({ buildInformation: () => {} });
    const client = createOctopusClient({ serverUrl: stub.url, apiKey, ...fastRetry });
    for (const space of ["Nope", "Spaces-9"]) {
      const error = await rejection(client.resolveSpace(space));
      expect(error.code).toBe("E_HTTP_404_SPACE");
      expect(error.message).toContain("Spaces that exist: Default (Spaces-1), Ops Team (Spaces-2)");
    }
    await client.close();
  });

  it("a host that does not resolve is E_NETWORK", async () => {
    const client = createOctopusClient({
      serverUrl: "https://octopus.buildinfo.invalid",
      apiKey,
      ...fastRetry,
      retry: { baseDelayMs: 1, maxAttempts: 2 },
    });
    const error = await rejection(client.getRoot());
    await client.close();
    expect(error.code).toBe("E_NETWORK");
    expect(error.message).toMatch(
      /octopus\.buildinfo\.invalid: the host name could not be resolved \(ENOTFOUND\)/,
    );
  });
});
