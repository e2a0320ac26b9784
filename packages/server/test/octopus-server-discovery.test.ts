import { afterEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";
import { call } from "./octopus-call";

let server: LocalOctopusServer;
afterEach(async () => {
  await server.close();
});

const spaces = [
  { Id: "Spaces-1", Name: "Default", IsDefault: true },
  { Id: "Spaces-2", Name: "Shop Team" },
  { Id: "Spaces-3", Name: "Shop Team Staging" },
];

describe("discovery", () => {
  it("serves the root document without credentials", async () => {
    server = await startOctopusServer({ version: "2024.3.12999" });
    const root = await call(server, "GET", "/api", { authenticated: false });
    expect(root.status).toBe(200);
    expect(root.json).toMatchObject({
      Application: "Octopus Deploy",
      Version: "2024.3.12999",
      ApiVersion: "3.0.0",
      InstallationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      Links: { Spaces: "/api/spaces{/id}{?skip,ids,take,partialName}" },
    });
  });

  it("lists spaces by partial name as a paged ResourceCollection", async () => {
    server = await startOctopusServer({ spaces });
    const shop = await call(server, "GET", "/api/spaces?partialName=shop%20team&skip=0&take=2147483647");
    expect(shop.status).toBe(200);
    expect(shop.json).toMatchObject({
      ItemType: "Space",
      TotalResults: 2,
      ItemsPerPage: 2147483647,
      NumberOfPages: 1,
      LastPageNumber: 0,
    });
    expect(shop.json.Items.map((space: { Name: string }) => space.Name)).toEqual([
      "Shop Team",
      "Shop Team Staging",
    ]);

    const page = await call(server, "GET", "/api/spaces?skip=1&take=1");
    expect(page.json).toMatchObject({
      TotalResults: 3,
      ItemsPerPage: 1,
      NumberOfPages: 3,
      LastPageNumber: 2,
    });
    expect(page.json.Items.map((space: { Id: string }) => space.Id)).toEqual(["Spaces-2"]);
    expect(page.json.Links["Page.Next"]).toBe("/api/spaces?skip=2&take=1");
    expect(page.json.Links["Page.Previous"]).toBe("/api/spaces?skip=0&take=1");

    const one = await call(server, "GET", "/api/spaces/Spaces-2");
    expect(one.json).toMatchObject({ Id: "Spaces-2", Name: "Shop Team", IsDefault: false });
    expect((await call(server, "GET", "/api/spaces/Spaces-9")).status).toBe(404);
  });

  it("gives each space root the BuildInformation links, and 404 for an unknown space", async () => {
    server = await startOctopusServer({ spaces });
    const root = await call(server, "GET", "/api/Spaces-2");
    expect(root.status).toBe(200);
    expect(root.json.Links).toMatchObject({
      BuildInformation:
        "/api/Spaces-2/build-information{/id}{?filter,packageId,latest,skip,take,overwriteMode}",
      BuildInformationBulk: "/api/Spaces-2/build-information/bulk{?ids}",
    });
    const unknown = await call(server, "GET", "/api/Spaces-9");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({
      ErrorMessage: "The resource you requested was not found.",
      Errors: [],
    });
    const push = await call(server, "POST", "/api/Spaces-9/build-information", { body: {} });
    expect(push.status).toBe(404);
  });

  it("has no build-information API before 2019.9, as a server too old for it", async () => {
    server = await startOctopusServer({ version: "2019.8.3" });
    const root = await call(server, "GET", "/api/Spaces-1");
    expect(root.status).toBe(200);
    expect(root.json.Links.BuildInformation).toBeUndefined();
    expect((await call(server, "POST", "/api/Spaces-1/build-information", { body: {} })).status).toBe(404);
  });

  it("rejects bad paging values", async () => {
    server = await startOctopusServer();
    const response = await call(server, "GET", "/api/spaces?take=-1");
    expect(response.status).toBe(400);
    expect(response.json.Errors).toEqual(["The value '-1' is not valid for take."]);
  });
});
