import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";
import { call, pushBody } from "./octopus-call";

let server: LocalOctopusServer;
beforeEach(async () => {
  server = await startOctopusServer();
  for (const [id, version] of [
    ["Shop.Web", "1.0.0"],
    ["Shop.Web", "1.10.0-beta.2"],
    ["Shop.Web", "1.10.0"],
    ["Shop.Web", "1.9.0"],
    ["Shop.Api", "2.0.0"],
    ["Shop.Api", "2.0.0.1"],
  ]) {
    const response = await call(server, "POST", "/api/Spaces-1/build-information", {
      body: pushBody(id!, version!),
    });
    expect(response.status).toBe(200);
  }
});
afterEach(async () => {
  await server.close();
});

function versions(response: { json: { Items: { PackageId: string; Version: string }[] } }): string[] {
  return response.json.Items.map((item) => `${item.PackageId} ${item.Version}`);
}

describe("list", () => {
  it("pages every record, package by package, newest version first", async () => {
    const first = await call(server, "GET", "/api/Spaces-1/build-information?take=4");
    expect(first.json).toMatchObject({
      ItemType: "OctopusPackageVersionBuildInformation",
      TotalResults: 6,
      ItemsPerPage: 4,
      NumberOfPages: 2,
      LastPageNumber: 1,
    });
    expect(versions(first)).toEqual([
      "Shop.Api 2.0.0.1",
      "Shop.Api 2.0.0",
      "Shop.Web 1.10.0",
      "Shop.Web 1.10.0-beta.2",
    ]);
    expect(first.json.Links["Page.Next"]).toBe("/api/Spaces-1/build-information?take=4&skip=4");
    const second = await call(server, "GET", "/api/Spaces-1/build-information?take=4&skip=4");
    expect(versions(second)).toEqual(["Shop.Web 1.9.0", "Shop.Web 1.0.0"]);
    expect(second.json.Links["Page.Next"]).toBeUndefined();
    const defaults = await call(server, "GET", "/api/Spaces-1/build-information");
    expect(defaults.json.ItemsPerPage).toBe(30);
  });

  it("filters by exact package id, by version substring, and keeps the latest per package", async () => {
    const byPackage = await call(server, "GET", "/api/Spaces-1/build-information?packageId=shop.api");
    expect(versions(byPackage)).toEqual(["Shop.Api 2.0.0.1", "Shop.Api 2.0.0"]);
    const byFilter = await call(server, "GET", "/api/Spaces-1/build-information?filter=1.10");
    expect(versions(byFilter)).toEqual(["Shop.Web 1.10.0", "Shop.Web 1.10.0-beta.2"]);
    const latest = await call(server, "GET", "/api/Spaces-1/build-information?latest=true");
    expect(versions(latest)).toEqual(["Shop.Api 2.0.0.1", "Shop.Web 1.10.0"]);
    const partial = await call(
      server,
      "GET",
      "/api/Spaces-1/build-information?partialPackageId=api&latest=true",
    );
    expect(versions(partial)).toEqual(["Shop.Api 2.0.0.1"]);
  });

  it("refuses packageId and filter together", async () => {
    const response = await call(server, "GET", "/api/Spaces-1/build-information?packageId=Shop.Web&filter=1");
    expect(response.status).toBe(400);
    expect(response.json.Errors).toEqual(["Only one of either packageId or filter may be specified."]);
  });
});

describe("get and delete", () => {
  it("reads one record by id, deletes it with 200, then answers 404", async () => {
    const record = server.records()[0]!;
    const got = await call(server, "GET", `/api/Spaces-1/build-information/${record.Id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(record);
    const deleted = await call(server, "DELETE", `/api/Spaces-1/build-information/${record.Id}`);
    expect(deleted.status).toBe(200);
    expect((await call(server, "GET", `/api/Spaces-1/build-information/${record.Id}`)).status).toBe(404);
    expect((await call(server, "DELETE", `/api/Spaces-1/build-information/${record.Id}`)).status).toBe(404);
    expect(server.records()).toHaveLength(5);
  });

  it("bulk-deletes by the ids query or an Ids body", async () => {
    const [a, b, c] = server.records();
    const byQuery = await call(
      server,
      "DELETE",
      `/api/Spaces-1/build-information/bulk?ids=${a!.Id},${b!.Id}`,
    );
    expect(byQuery.status).toBe(200);
    const byBody = await call(server, "DELETE", "/api/Spaces-1/build-information/bulk", {
      body: { Ids: [c!.Id], SpaceId: "Spaces-1" },
    });
    expect(byBody.status).toBe(200);
    expect(server.records().map((record) => record.Id)).not.toContain(c!.Id);
    expect(server.records()).toHaveLength(3);
  });
});
