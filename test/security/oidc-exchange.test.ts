import { isBuildInfoError } from "@buildinfo/core";
import { exchangeOidcToken } from "@buildinfo/octopus";
import { type FakeApi, startFakeApi } from "@buildinfo/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const idToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdHRhY2sifQ.c2lnbmF0dXJlLW9pZGM";

describe("the OIDC token exchange keeps the CI identity token on the configured Octopus origin", () => {
  let attacker: FakeApi;
  let octopus: FakeApi | undefined;

  beforeAll(async () => {
    attacker = await startFakeApi(() => ({ body: { access_token: "stolen" } }));
  });
  afterEach(async () => {
    await octopus?.close();
    octopus = undefined;
    attacker.requests.length = 0;
  });
  afterAll(async () => {
    await attacker.close();
  });

  async function exchangeWith(tokenEndpoint: (octopusUrl: string) => string): Promise<unknown> {
    let url = "";
    octopus = await startFakeApi((request) =>
      request.path === "/.well-known/openid-configuration"
        ? { body: { token_endpoint: tokenEndpoint(url) } }
        : { status: 400, body: { error: "invalid_grant" } },
    );
    url = octopus.url;
    return exchangeOidcToken({ serverUrl: url, serviceAccountId: "sa-1", idToken, timeoutMs: 5000 }).then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it("refuses a token_endpoint on another host and port: nothing is posted there", async () => {
    const error = await exchangeWith(() => `${attacker.url}/token/v1`);
    expect(isBuildInfoError(error) && error.code).toBe("E_CROSS_ORIGIN_LINK");
    expect(attacker.requests).toEqual([]);
    expect(String((error as Error).message)).not.toContain(idToken);
  });

  it("refuses a token_endpoint that downgrades to another scheme", async () => {
    const error = await exchangeWith((url) => url.replace("http:", "https:"));
    expect(isBuildInfoError(error) && error.code).toBe("E_CROSS_ORIGIN_LINK");
    expect(octopus?.requests.map((request) => request.method)).toEqual(["GET"]);
  });

  it("refuses a token_endpoint that is not a URL, in one line", async () => {
    const error = await exchangeWith(() => "http://[::1");
    expect(isBuildInfoError(error) && error.code).toBe("E_CROSS_ORIGIN_LINK");
  });

  it("still posts to a token_endpoint on the server's own origin", async () => {
    const error = await exchangeWith((url) => `${url}/token/v1`);
    expect(isBuildInfoError(error) && error.code).toBe("E_OIDC");
    expect(octopus?.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /.well-known/openid-configuration",
      "POST /token/v1",
    ]);
  });

  it("bounds the server's refusal reason in the message", async () => {
    let url = "";
    octopus = await startFakeApi((request) =>
      request.path === "/.well-known/openid-configuration"
        ? { body: { token_endpoint: `${url}/token/v1` } }
        : { status: 400, body: { error: "invalid_grant", error_description: "x".repeat(100_000) } },
    );
    url = octopus.url;
    const error = await exchangeOidcToken({ serverUrl: url, serviceAccountId: "sa-1", idToken }).catch(
      (caught: unknown) => caught,
    );
    expect(isBuildInfoError(error) && error.code).toBe("E_OIDC");
    expect((error as Error).message.length).toBeLessThan(1200);
  });
});
