import { createHttpClient } from "@buildinfo/http";
import { type FakeApi, type FakeApiRequest, type FakeApiResponse, startFakeApi } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BuildInfoError,
  getBuildServerResponse,
  type HttpClient,
  type HttpRequestOptions,
} from "../../src/index";

const hint = "Give the build user read access.";

let api: FakeApi;
let http: ReturnType<typeof createHttpClient>;

beforeAll(async () => {
  api = await startFakeApi((request: FakeApiRequest): FakeApiResponse => {
    switch (request.path) {
      case "/json":
        return { body: { value: [{ id: "abc" }] }, headers: { "x-ms-continuationtoken": "next-1" } };
      case "/html":
        return { headers: { "content-type": "text/html" }, body: "<html><body>Sign in</body></html>" };
      case "/broken-json":
        return { headers: { "content-type": "application/json" }, body: '{"value": [' };
      case "/created":
        return { status: 201, body: "made" };
      case "/no-content":
        return { status: 204 };
      case "/edge-of-2xx":
        return { status: 299, body: "still fine" };
      case "/echo":
        return {
          body: { authorization: request.headers.authorization ?? null, accept: request.headers.accept },
        };
      default: {
        const status = Number(request.path.slice("/status/".length));
        return { status, headers: { "content-type": "text/html" }, body: `<h1>${status}</h1>` };
      }
    }
  });
  http = createHttpClient({ retry: { maxAttempts: 1 } });
});

afterAll(async () => {
  await http.close();
  await api.close();
});

async function rejectionOf(promise: Promise<unknown>): Promise<BuildInfoError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection, but the promise resolved");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildInfoError);
  return error as BuildInfoError;
}

describe("getBuildServerResponse", () => {
  it("returns a 2xx answer whole: status, headers and body", async () => {
    const response = await getBuildServerResponse(http, `${api.url}/json`, { what: "the changes", hint });
    expect(response.status).toBe(200);
    expect(response.headers["x-ms-continuationtoken"]).toBe("next-1");
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(response.text)).toEqual({ value: [{ id: "abc" }] });
  });

  it.each([
    ["/created", 201, "made"],
    ["/no-content", 204, ""],
    ["/edge-of-2xx", 299, "still fine"],
  ])("accepts %s (HTTP %i)", async (path, status, text) => {
    const response = await getBuildServerResponse(http, `${api.url}${path}`, { what: "it", hint });
    expect(response.status).toBe(status);
    expect(response.text).toBe(text);
  });

  it("returns a non-JSON 2xx body as text, without parsing it", async () => {
    const html = await getBuildServerResponse(http, `${api.url}/html`, { what: "the build", hint });
    expect(html.text).toBe("<html><body>Sign in</body></html>");
    const broken = await getBuildServerResponse(http, `${api.url}/broken-json`, { what: "the build", hint });
    expect(broken.text).toBe('{"value": [');
  });

  it.each([300, 304, 401, 403, 404, 429, 500, 503])(
    "turns HTTP %i into a remote BuildInfoError that names what was read",
    async (status) => {
      const error = await rejectionOf(
        getBuildServerResponse(http, `${api.url}/status/${status}`, { what: "the build's changes", hint }),
      );
      expect(error.code).toBe(`E_BUILD_SERVER_HTTP_${status}`);
      expect(error.kind).toBe("remote");
      expect(error.hint).toBe(hint);
      expect(error.message).toBe(
        `Reading the build's changes from ${api.url}/status/${status} failed with HTTP ${status}.`,
      );
      expect(error.source).toBe(`${api.url}/status/${status}`);
    },
  );

  it("keeps the query and credentials of the URL out of the error", async () => {
    const port = new URL(api.url).port;
    const url = `http://ci-user:s3cret@127.0.0.1:${port}/status/401?token=t0ken&api-version=4.1`;
    const error = await rejectionOf(getBuildServerResponse(http, url, { what: "the build", hint }));
    expect(error.message).toBe(
      `Reading the build from http://127.0.0.1:${port}/status/401 failed with HTTP 401.`,
    );
    expect(error.source).toBe(`http://127.0.0.1:${port}/status/401`);
    for (const secret of ["s3cret", "ci-user", "t0ken", "api-version"]) {
      expect(`${error.message} ${error.source} ${error.hint}`).not.toContain(secret);
    }
  });

  it("sends the request options, without `what` and `hint`", async () => {
    const seen: (HttpRequestOptions | undefined)[] = [];
    const recording: HttpClient = {
      get: (url, options) => {
        seen.push(options);
        return http.get(url, options);
      },
    };
    const response = await getBuildServerResponse(recording, `${api.url}/echo`, {
      basicAuth: { username: "user", password: "pw" },
      headers: { accept: "application/xml" },
      what: "the build",
      hint,
    });
    expect(seen).toEqual([
      { basicAuth: { username: "user", password: "pw" }, headers: { accept: "application/xml" } },
    ]);
    expect(JSON.parse(response.text)).toEqual({
      authorization: `Basic ${Buffer.from("user:pw").toString("base64")}`,
      accept: "application/xml",
    });
  });

  it("passes a bearer token on", async () => {
    const response = await getBuildServerResponse(http, `${api.url}/echo`, {
      bearerToken: "tok",
      what: "the build",
      hint,
    });
    expect(JSON.parse(response.text)).toMatchObject({ authorization: "Bearer tok" });
  });
});
