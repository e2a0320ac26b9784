import { afterEach, describe, expect, it } from "vitest";
import { errorBody } from "../src/octopus-resources";
import {
  type LocalOctopusServer,
  type PendingExchange,
  type RequestHookResult,
  startOctopusServer,
} from "../src/octopus-server";
import { call, pushBody } from "./octopus-call";

let server: LocalOctopusServer;
afterEach(async () => {
  await server.close();
});

const pushPath = "/api/Spaces-1/build-information";

describe("the beforeRequest hook", () => {
  it("sees each accepted request with its body; the server answers when the hook leaves it", async () => {
    const seen: string[] = [];
    server = await startOctopusServer({
      beforeRequest: ({ request }) => {
        seen.push(`${request.method} ${request.path} ${request.body.length > 0 ? "body" : "no body"}`);
        return undefined;
      },
    });
    expect((await call(server, "POST", pushPath, { body: pushBody("Shop.Web", "1.0.0") })).status).toBe(200);
    expect(seen).toEqual([`POST ${pushPath} body`]);
    expect(server.records()).toHaveLength(1);
  });

  it("takes the exchange over when it returns handled: its answer is sent, the request is not handled", async () => {
    server = await startOctopusServer({
      beforeRequest: ({ send }) => {
        send({ status: 503, headers: { "retry-after": "3" }, body: errorBody("Down for maintenance.") });
        return "handled";
      },
    });
    const answer = await call(server, "POST", pushPath, { body: pushBody("Shop.Web", "1.0.0") });
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("3");
    expect(answer.json.ErrorMessage).toBe("Down for maintenance.");
    expect(server.records()).toEqual([]);
  });

  it("lets the hook handle the request itself and change the answer", async () => {
    server = await startOctopusServer({
      beforeRequest: async ({ handle, send }: PendingExchange): Promise<RequestHookResult> => {
        const reply = handle();
        send({ ...reply, headers: { "x-handled-by": "hook" } });
        return "handled";
      },
    });
    const answer = await call(server, "POST", pushPath, { body: pushBody("Shop.Web", "1.0.0") });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-handled-by")).toBe("hook");
    expect(answer.json.PackageId).toBe("Shop.Web");
    expect(server.records()).toHaveLength(1);
  });

  it("is never asked about a request the server refuses first (no credentials, a foreign origin)", async () => {
    const seen: string[] = [];
    server = await startOctopusServer({
      beforeRequest: ({ request }) => {
        seen.push(request.path);
        return undefined;
      },
    });
    expect((await call(server, "GET", "/api/spaces", { authenticated: false })).status).toBe(401);
    const foreign = { body: pushBody("Shop.Web", "1.0.0"), headers: { Origin: "https://evil.example" } };
    expect((await call(server, "POST", pushPath, foreign)).status).toBe(403);
    expect((await call(server, "GET", "/api/spaces")).status).toBe(200);
    expect(seen).toEqual(["/api/spaces"]);
  });
});
