import { afterEach, describe, expect, it } from "vitest";
import { type Loopback, startLoopback } from "../../http/test/support/loopback";
import { exchangeOidcToken } from "../src/index";
import { fastRetry, rejection } from "./fixtures";
import { json } from "./octopus-stub";

const idToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvc2hvcCJ9.c2lnbmF0dXJl";
let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function startIssuer(answer: (body: Record<string, string>) => { status: number; body: unknown }) {
  return startLoopback((req, res, body) => {
    if (req.url === "/.well-known/openid-configuration") {
      return json(res, 200, { issuer: server!.url, token_endpoint: `${server!.url}/token/v1` });
    }
    if (req.method === "POST" && req.url === "/token/v1") {
      const { status, body: reply } = answer(JSON.parse(body) as Record<string, string>);
      return json(res, status, reply);
    }
    json(res, 404, {});
  });
}

describe("exchangeOidcToken", () => {
  it("exchanges the CI id token for an access token (RFC 8693)", async () => {
    server = await startIssuer((body) => ({
      status: 200,
      body: { access_token: `octo-${body.audience}`, token_type: "Bearer", expires_in: 3600 },
    }));
    const token = await exchangeOidcToken({
      serverUrl: server.url,
      serviceAccountId: "sa-123",
      idToken,
      ...fastRetry,
    });
    expect(token).toBe("octo-sa-123");
    expect(JSON.parse(server.requests[1]!.body)).toEqual({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      audience: "sa-123",
      subject_token: idToken,
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
    });
  });

  it("resolves a relative token_endpoint under a server's sub-path", async () => {
    server = await startLoopback((req, res) => {
      if (req.url === "/octopus/.well-known/openid-configuration") {
        return json(res, 200, { token_endpoint: "token/v1" });
      }
      if (req.method === "POST" && req.url === "/octopus/token/v1")
        return json(res, 200, { access_token: "octo-sub" });
      json(res, 404, {});
    });
    const token = await exchangeOidcToken({
      serverUrl: `${server.url}/octopus`,
      serviceAccountId: "sa-123",
      idToken,
      ...fastRetry,
    });
    expect(token).toBe("octo-sub");
  });

  it.each([
    [
      { error: "invalid_grant", error_description: "subject does not match" },
      /invalid_grant: subject does not match/,
    ],
    [
      { ErrorMessage: "There was a problem.", Errors: ["OIDC identity not found"] },
      /There was a problem. OIDC identity not found/,
    ],
  ])("reports both error shapes without the id token (%o)", async (reply, expected) => {
    server = await startIssuer(() => ({ status: 400, body: { ...reply, echoed: idToken } }));
    const error = await rejection(
      exchangeOidcToken({ serverUrl: server.url, serviceAccountId: "sa-123", idToken, ...fastRetry }),
    );
    expect(error.code).toBe("E_OIDC");
    expect(error.message).toMatch(expected);
    expect(error.message).toContain("sa-123");
    expect(error.message).not.toContain(idToken);
  });

  it("quotes at most 20 of the server's errors, 500 characters of each, skipping empty ones, as the other errors do", async () => {
    const errors = Array.from({ length: 30 }, (_, i) => `E${i}:${"x".repeat(900)}`);
    server = await startIssuer(() => ({
      status: 400,
      body: { ErrorMessage: "refused", Errors: [null, "", ...errors] },
    }));
    const error = await rejection(
      exchangeOidcToken({ serverUrl: server.url, serviceAccountId: "sa-123", idToken, ...fastRetry }),
    );
    expect(error.message).toContain("E19:");
    expect(error.message).not.toContain("E20:");
    expect(error.message).toContain(`E0:${"x".repeat(497)} `);
    expect(error.message).not.toContain("x".repeat(498));
    expect(error.message).toContain(": refused E0:");
  });
});
