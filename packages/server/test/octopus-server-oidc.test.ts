import { afterEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";
import { call } from "./octopus-call";

let server: LocalOctopusServer;
afterEach(async () => {
  await server.close();
});

const exchange = {
  grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
  audience: "5e3e2c4a-service-account",
  subject_token: "eyJhbGciOi.ci-issued.jwt",
  subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
};

describe("OIDC token exchange", () => {
  it("exchanges a trusted CI identity token for an access token the API accepts as Bearer", async () => {
    server = await startOctopusServer({
      oidc: { serviceAccountId: exchange.audience, idTokens: [exchange.subject_token] },
    });
    const configuration = await call(server, "GET", "/.well-known/openid-configuration", {
      authenticated: false,
    });
    expect(configuration.json.token_endpoint).toBe(`${server.url}/token/v1`);

    const endpoint = new URL(configuration.json.token_endpoint).pathname;
    const granted = await call(server, "POST", endpoint, { authenticated: false, body: exchange });
    expect(granted.status).toBe(200);
    expect(granted.json).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    const spaces = await call(server, "GET", "/api/spaces", {
      authenticated: false,
      headers: { Authorization: `Bearer ${granted.json.access_token}` },
    });
    expect(spaces.status).toBe(200);
  });

  it("refuses an untrusted token or another audience with an RFC 8693 error", async () => {
    server = await startOctopusServer({
      oidc: { serviceAccountId: exchange.audience, idTokens: [exchange.subject_token] },
    });
    const untrusted = await call(server, "POST", "/token/v1", {
      authenticated: false,
      body: { ...exchange, subject_token: "forged" },
    });
    expect(untrusted.status).toBe(400);
    expect(untrusted.json.error).toBe("invalid_grant");
    const audience = await call(server, "POST", "/token/v1", {
      authenticated: false,
      body: { ...exchange, audience: "someone-else" },
    });
    expect(audience.json.error).toBe("invalid_grant");
  });

  it("has no token endpoint unless OIDC is configured", async () => {
    server = await startOctopusServer();
    expect(
      (await call(server, "GET", "/.well-known/openid-configuration", { authenticated: false })).status,
    ).toBe(404);
  });
});
