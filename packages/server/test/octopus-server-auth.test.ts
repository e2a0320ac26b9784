import { afterEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";
import { call, pushBody } from "./octopus-call";

let server: LocalOctopusServer;
afterEach(async () => {
  await server.close();
});

describe("authentication", () => {
  it("answers 401 with the standard error body for a missing or wrong API key", async () => {
    server = await startOctopusServer();
    const missing = await call(server, "GET", "/api/spaces", { authenticated: false });
    expect(missing.status).toBe(401);
    expect(missing.json.ErrorMessage).toBe(
      "You must be logged in to perform this action. Please provide a valid API key or log in again.",
    );
    expect(missing.json.Errors).toHaveLength(1);
    const wrong = await call(server, "GET", "/api/spaces", {
      authenticated: false,
      headers: { "X-Octopus-ApiKey": "API-NOTTHEKEY" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.ErrorMessage).toMatch(/^The API key you provided was not valid/);
    const empty = await call(server, "GET", "/api/spaces", {
      authenticated: false,
      headers: { "X-Octopus-ApiKey": "" },
    });
    expect(empty.status).toBe(401);
  });

  it("accepts a bearer access token and any configured key, but no key in the query string", async () => {
    server = await startOctopusServer({
      apiKeys: ["API-FIRST", "API-SECOND"],
      accessTokens: ["eyJ.token.sig"],
    });
    expect(server.apiKey).toBe("API-FIRST");
    const bearer = await call(server, "GET", "/api/spaces", {
      authenticated: false,
      headers: { Authorization: "Bearer eyJ.token.sig" },
    });
    expect(bearer.status).toBe(200);
    const badBearer = await call(server, "GET", "/api/spaces", {
      authenticated: false,
      headers: { Authorization: "Bearer nope" },
    });
    expect(badBearer.status).toBe(401);
    expect(
      (await call(server, "GET", "/api/spaces?ApiKey=API-SECOND", { authenticated: false })).status,
    ).toBe(401);
    expect(
      (
        await call(server, "GET", "/api/spaces", {
          authenticated: false,
          headers: { "X-Octopus-ApiKey": "API-SECOND" },
        })
      ).status,
    ).toBe(200);
  });
});

describe("permissions", () => {
  it("answers 403 for a push without BuildInformationPush", async () => {
    server = await startOctopusServer({ permissions: { push: false } });
    const response = await call(server, "POST", "/api/Spaces-1/build-information", {
      body: pushBody("Shop.Web", "1.0.0"),
    });
    expect(response.status).toBe(403);
    expect(response.json.ErrorMessage).toMatch(/Missing permission: BuildInformationPush$/);
    expect(server.records()).toEqual([]);
  });

  it("answers 403 for OverwriteExisting and delete without BuildInformationAdminister, yet allows the other modes", async () => {
    server = await startOctopusServer({ permissions: { administer: false } });
    const created = await call(server, "POST", "/api/Spaces-1/build-information", {
      body: pushBody("Shop.Web", "1.0.0"),
    });
    expect(created.status).toBe(200);
    const overwrite = await call(
      server,
      "POST",
      "/api/Spaces-1/build-information?overwriteMode=OverwriteExisting",
      {
        body: pushBody("Shop.Web", "1.0.0", { OverwriteMode: "OverwriteExisting" }),
      },
    );
    expect(overwrite.status).toBe(403);
    expect(overwrite.json.ErrorMessage).toMatch(/Missing permission: BuildInformationAdminister$/);
    const ignore = await call(
      server,
      "POST",
      "/api/Spaces-1/build-information?overwriteMode=IgnoreIfExists",
      {
        body: pushBody("Shop.Web", "1.0.0"),
      },
    );
    expect(ignore.status).toBe(200);
    const deleted = await call(server, "DELETE", `/api/Spaces-1/build-information/${created.json.Id}`);
    expect(deleted.status).toBe(403);
    expect(server.records()).toHaveLength(1);
  });
});
