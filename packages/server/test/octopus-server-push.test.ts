import { afterEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";
import { call, pushBody } from "./octopus-call";

let server: LocalOctopusServer;
afterEach(async () => {
  await server.close();
});

const conflictMessage =
  "Metadata for the specified Package ID and version already exists. To proceed anyway, specify an overwriteMode of OverwriteExisting or IgnoreIfExists.";

function post(path: string, body: unknown) {
  return call(server, "POST", path, { body });
}

describe("push", () => {
  it("creates a record and answers 200 with the mapped resource", async () => {
    server = await startOctopusServer();
    const response = await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "1.2.3"));
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      Id: "BuildInformation-1",
      PackageId: "Shop.Web",
      Version: "1.2.3",
      BuildEnvironment: "Jenkins",
      VcsCommitUrl: "https://github.com/acme/shop-web/commit/c0ffee",
      Commits: [
        { Id: "c0ffee", Comment: "Tidy logging", LinkUrl: "https://github.com/acme/shop-web/commit/c0ffee" },
      ],
      IssueTrackerName: null,
      IncompleteDataWarning: null,
      Links: { Self: "/api/Spaces-1/build-information/BuildInformation-1" },
    });
    expect(response.json.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    expect(server.records()).toEqual([response.json]);
  });

  it("finds an existing record by package id and version case-insensitively", async () => {
    server = await startOctopusServer();
    expect((await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "1.0.0-Beta"))).status).toBe(
      200,
    );
    expect((await post("/api/Spaces-1/build-information", pushBody("SHOP.web", "1.0.0-beta"))).status).toBe(
      409,
    );
    expect((await post("/api/Spaces-1/build-information", pushBody("Shop.Web2", "1.0.0-beta"))).status).toBe(
      200,
    );
  });

  it("applies each overwrite mode with the server's statuses", async () => {
    server = await startOctopusServer();
    const first = await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "1.2.3"));

    const conflict = await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "1.2.3"));
    expect(conflict.status).toBe(409);
    expect(conflict.json.ErrorMessage).toBe(conflictMessage);

    const changed = pushBody("Shop.Web", "1.2.3", { OverwriteMode: "IgnoreIfExists" });
    (changed.OctopusBuildInformation as { BuildNumber: string }).BuildNumber = "8";
    const ignored = await post("/api/Spaces-1/build-information", changed);
    expect(ignored.status).toBe(200);
    expect(ignored.json).toEqual(first.json);

    const overwritten = await post("/api/Spaces-1/build-information?overwriteMode=OverwriteExisting", {
      ...changed,
      OverwriteMode: undefined,
    });
    expect(overwritten.status).toBe(200);
    expect(overwritten.json).toMatchObject({
      Id: first.json.Id,
      BuildNumber: "8",
      Created: first.json.Created,
    });
    expect(server.records()).toEqual([overwritten.json]);
  });

  it("keeps one record per space, package id and version, ids and versions compared without case", async () => {
    server = await startOctopusServer({
      spaces: [
        { Id: "Spaces-1", Name: "Default", IsDefault: true },
        { Id: "Spaces-2", Name: "Other" },
      ],
    });
    expect((await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "1.0.0-RC.1"))).status).toBe(
      200,
    );
    expect((await post("/api/Spaces-1/build-information", pushBody("shop.web", "1.0.0-rc.1"))).status).toBe(
      409,
    );
    expect((await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "1.0.1"))).status).toBe(200);
    const other = await post(
      "/api/Spaces-2/build-information",
      pushBody("Shop.Web", "1.0.0-RC.1", { SpaceId: "Spaces-2" }),
    );
    expect(other.status).toBe(200);
    expect(other.json.Id).toBe("BuildInformation-3");
    expect(
      server.records().map((record) => `${record.SpaceId} ${record.PackageId} ${record.Version}`),
    ).toEqual(["Spaces-1 Shop.Web 1.0.0-RC.1", "Spaces-1 Shop.Web 1.0.1", "Spaces-2 Shop.Web 1.0.0-RC.1"]);
  });

  it("binds fields case-insensitively and ignores unknown ones, as ASP.NET model binding does", async () => {
    server = await startOctopusServer();
    const response = await post("/api/Spaces-1/build-information", {
      spaceId: "Spaces-1",
      spaceName: "Default",
      packageid: "Shop.Web",
      VERSION: "1.0.0",
      overwriteMode: "ignoreifexists",
      octopusBuildInformation: {
        buildEnvironment: "TeamCity",
        buildNumber: 45,
        vcsType: "Git",
        vcsRoot: "git@bitbucket.org:acme/shop.git",
        commits: [{ id: "abc", comment: "x" }],
        IncompleteDataWarning: "ignored",
      },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      PackageId: "Shop.Web",
      BuildEnvironment: "TeamCity",
      BuildNumber: "45",
      Branch: null,
      IncompleteDataWarning: null,
      Commits: [{ Id: "abc", Comment: "x", LinkUrl: "https://bitbucket.org/acme/shop/commits/abc" }],
    });
  });

  it("takes the overwrite mode from the body or the query, and refuses different values in both", async () => {
    server = await startOctopusServer();
    await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "1.0.0"));
    const fromQuery = await post(
      "/api/Spaces-1/build-information?overwritemode=IgnoreIfExists",
      pushBody("Shop.Web", "1.0.0"),
    );
    expect(fromQuery.status).toBe(200);
    const numbered = await post(
      "/api/Spaces-1/build-information",
      pushBody("Shop.Web", "1.0.0", { OverwriteMode: 2 }),
    );
    expect(numbered.status).toBe(200);
    const both = await post(
      "/api/Spaces-1/build-information?overwriteMode=IgnoreIfExists",
      pushBody("Shop.Web", "1.0.0", { OverwriteMode: "OverwriteExisting" }),
    );
    expect(both.status).toBe(400);
    expect(both.json.Errors[0]).toMatch(
      /query string \(IgnoreIfExists\) and in the body \(OverwriteExisting\) differ/,
    );
    const unknown = await post(
      "/api/Spaces-1/build-information",
      pushBody("Shop.Web", "1.0.0", { OverwriteMode: "Replace" }),
    );
    expect(unknown.status).toBe(400);
    const legacyReplace = await post(
      "/api/Spaces-1/build-information",
      pushBody("Shop.Web", "1.0.0", { Replace: true }),
    );
    expect(legacyReplace.status).toBe(200);
  });

  it("answers 400 with the server's Errors for invalid ids, versions and missing fields", async () => {
    server = await startOctopusServer();
    const invalid = await post("/api/Spaces-1/build-information", pushBody("Shop Web", "1.2"));
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ ErrorMessage: "There was a problem with your request." });
    expect(invalid.json.Errors).toEqual([
      "The package ID contains invalid characters. Examples of valid package IDs include 'MyPackage' and 'MyPackage.Sample'.",
    ]);
    const version = await post("/api/Spaces-1/build-information", pushBody("Shop.Web", "v1.2.3"));
    expect(version.json.Errors).toEqual([
      "The version is invalid. Please supply a valid semver version number.",
    ]);
    const missing = await post("/api/Spaces-1/build-information", { SpaceId: "Spaces-1" });
    expect(missing.json.Errors).toEqual([
      "The PackageId field is required.",
      "The Version field is required.",
      "The OctopusBuildInformation field is required.",
    ]);
    const notJson = await call(server, "POST", "/api/Spaces-1/build-information", { body: "{nope" });
    expect(notJson.status).toBe(400);
    expect(server.records()).toEqual([]);
  });

  it("accepts Maven, container and 4-part forms", async () => {
    server = await startOctopusServer();
    for (const [id, version] of [
      ["com.acme:shop-web", "2.7.0-SNAPSHOT"],
      ["acme/shop-web", "1.2.3.4"],
      ["Shop.Web", "1.0.0-ci.311+sha.4b1d0c3"],
    ] as const) {
      expect((await post("/api/Spaces-1/build-information", pushBody(id, version))).status).toBe(200);
    }
  });

  it("refuses a body SpaceId that is not the route's space, and accepts a body without one", async () => {
    server = await startOctopusServer();
    const mismatch = await post(
      "/api/Spaces-1/build-information",
      pushBody("Shop.Web", "1.0.0", { SpaceId: "Spaces-2" }),
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.Errors[0]).toMatch(/SpaceId 'Spaces-2'/);
    const without = await post(
      "/api/Spaces-1/build-information",
      pushBody("Shop.Web", "1.0.0", { SpaceId: undefined }),
    );
    expect(without.status).toBe(200);
  });

  it("sends the unspaced legacy route to the default space", async () => {
    server = await startOctopusServer({
      spaces: [
        { Id: "Spaces-1", Name: "Ops" },
        { Id: "Spaces-7", Name: "Default", IsDefault: true },
      ],
    });
    const response = await post(
      "/api/build-information",
      pushBody("Shop.Web", "1.0.0", { SpaceId: undefined }),
    );
    expect(response.status).toBe(200);
    expect(response.json.Links.Self).toBe(`/api/Spaces-7/build-information/${response.json.Id}`);
    expect(server.records()[0]!.SpaceId).toBe("Spaces-7");
  });
});
