import { describe, expect, it } from "vitest";
import { startFakeApi } from "../src/fake-api";

describe("startFakeApi", () => {
  it("serves the handler's answers over a real socket and records each request", async () => {
    const api = await startFakeApi((request) =>
      request.path === "/json"
        ? { body: { hello: request.query.get("name") } }
        : { status: 404, headers: { "content-type": "text/html" }, body: "<h1>nope</h1>" },
    );
    try {
      const json = await fetch(`${api.url}/json?name=ada`, { headers: { authorization: "Bearer t" } });
      expect(json.status).toBe(200);
      expect(json.headers.get("content-type")).toContain("application/json");
      expect(await json.json()).toEqual({ hello: "ada" });
      const html = await fetch(`${api.url}/missing`);
      expect(html.status).toBe(404);
      expect(await html.text()).toBe("<h1>nope</h1>");
      expect(api.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        "GET /json",
        "GET /missing",
      ]);
      expect(api.requests[0]!.headers.authorization).toBe("Bearer t");
    } finally {
      await api.close();
    }
  });

  it("answers 500 when the handler throws", async () => {
    const api = await startFakeApi(() => {
      throw new Error("boom");
    });
    try {
      const response = await fetch(api.url);
      expect(response.status).toBe(500);
      expect(await response.text()).toContain("boom");
    } finally {
      await api.close();
    }
  });
});
