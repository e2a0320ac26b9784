import { createHttpClient } from "@buildinfo/http";
import { type FakeApi, startFakeApi } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildInfoError, getBuildServerText } from "../../src/index";

const hint = "Set JENKINS_USER_ID and JENKINS_API_TOKEN.";

let api: FakeApi;
let http: ReturnType<typeof createHttpClient>;

beforeAll(async () => {
  api = await startFakeApi((request) => {
    if (request.path === "/job/app/42/api/json") {
      return { body: { number: 42, auth: request.headers.authorization ?? null } };
    }
    if (request.path === "/plain")
      return { headers: { "content-type": "text/plain" }, body: "not json at all" };
    if (request.path === "/empty") return { status: 200, body: "" };
    return { status: 404, headers: { "content-type": "text/html" }, body: "<h1>Not Found</h1>" };
  });
  http = createHttpClient({ retry: { maxAttempts: 1 } });
});

afterAll(async () => {
  await http.close();
  await api.close();
});

describe("getBuildServerText", () => {
  it("returns the body of a 2xx answer, sending the request options", async () => {
    const text = await getBuildServerText(http, `${api.url}/job/app/42/api/json?tree=number`, {
      basicAuth: { username: "ci", password: "tok" },
      what: "the build",
      hint,
    });
    expect(JSON.parse(text)).toEqual({
      number: 42,
      auth: `Basic ${Buffer.from("ci:tok").toString("base64")}`,
    });
    expect(api.requests.at(-1)?.query.get("tree")).toBe("number");
  });

  it("returns a non-JSON or empty body unchanged", async () => {
    expect(await getBuildServerText(http, `${api.url}/plain`, { what: "it", hint })).toBe("not json at all");
    expect(await getBuildServerText(http, `${api.url}/empty`, { what: "it", hint })).toBe("");
  });

  it("throws the same BuildInfoError as getBuildServerResponse for an error status", async () => {
    const error = await getBuildServerText(http, `${api.url}/job/gone/1/api/json?tree=x`, {
      what: "the build",
      hint,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildInfoError);
    expect(error).toMatchObject({
      code: "E_BUILD_SERVER_HTTP_404",
      kind: "remote",
      hint,
      message: `Reading the build from ${api.url}/job/gone/1/api/json failed with HTTP 404.`,
    });
  });
});
