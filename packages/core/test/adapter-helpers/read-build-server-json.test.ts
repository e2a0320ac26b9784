import { createHttpClient } from "@buildinfo/http";
import { type FakeApi, type FakeApiRequest, type FakeApiResponse, startFakeApi } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildInfoError, getBuildServerJson } from "../../src/index";

const request = {
  what: "the build",
  hint: "Give the build user read access.",
  notJsonHint: "Point X_URL at X.",
};

let api: FakeApi;
let http: ReturnType<typeof createHttpClient>;

beforeAll(async () => {
  api = await startFakeApi((incoming: FakeApiRequest): FakeApiResponse => {
    switch (incoming.path) {
      case "/json":
        return { body: { number: 57 } };
      case "/sign-in":
        return {
          headers: { "content-type": "text/html; charset=utf-8" },
          body: "<html><head><title>Sign in\r\n::error::x</title></head><body>SSO</body></html>",
        };
      case "/echo":
        return {
          headers: { "content-type": "text/html" },
          body: `<p>Signed in as ci with ${incoming.headers.authorization ?? ""}</p>`,
        };
      case "/cut":
        return { headers: { "content-type": "application/json" }, body: `{"items": [${'"x",'.repeat(100)}` };
      default:
        return { status: 401, body: "no" };
    }
  });
  http = createHttpClient({ retry: { maxAttempts: 1 } });
});

afterAll(async () => {
  await http.close();
  await api.close();
});

async function failure(path: string): Promise<BuildInfoError> {
  const error = await getBuildServerJson(http, `${api.url}${path}?token=s3cret`, request).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildInfoError);
  return error as BuildInfoError;
}

describe("getBuildServerJson", () => {
  it("masks the request's credentials when a page that is not JSON echoes them", async () => {
    const error = await getBuildServerJson(http, `${api.url}/echo`, {
      ...request,
      bearerToken: "tok3n-value-1234",
    }).then(
      () => undefined,
      (caught: unknown) => caught as BuildInfoError,
    );
    expect(error?.code).toBe("E_BUILD_SERVER_RESPONSE");
    expect(error?.message).toContain("Signed in as ci with");
    expect(error?.message).not.toContain("tok3n-value-1234");
  });

  it("returns the parsed body of a 2xx JSON answer", async () => {
    expect(await getBuildServerJson(http, `${api.url}/json`, request)).toEqual({ number: 57 });
  });

  it("reports a page that is not JSON with its status, content type and a one-line snippet, no query", async () => {
    const error = await failure("/sign-in");
    expect(error.code).toBe("E_BUILD_SERVER_RESPONSE");
    expect(error.kind).toBe("remote");
    expect(error.hint).toBe("Point X_URL at X.");
    expect(error.message).toBe(
      `The response from ${api.url}/sign-in was not JSON (HTTP 200, text/html; charset=utf-8): "Sign in ::error::x".`,
    );
  });

  it("cuts a long snippet and keeps an error status as E_BUILD_SERVER_HTTP_<status>", async () => {
    const cut = await failure("/cut");
    expect(cut.message).toMatch(/\(HTTP 200, application\/json\): "\{"items": \["x","x",.*\.\.\."\.$/);
    expect(cut.message.length).toBeLessThan(300);
    const refused = await failure("/refused");
    expect([refused.code, refused.hint]).toEqual([
      "E_BUILD_SERVER_HTTP_401",
      "Give the build user read access.",
    ]);
  });
});
