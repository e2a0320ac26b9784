import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, OverwriteMode, PackageRepository } from "@octopusdeploy/api-client";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";
import { call, pushBody } from "./octopus-call";

let server: LocalOctopusServer;
const directories: string[] = [];
afterEach(async () => {
  await server.close();
  await Promise.all(
    directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

/** Uploads package files through the official client, as a build server's push step does. */
async function upload(fileNames: string[], mode = OverwriteMode.FailIfExists): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), "buildinfo-packages-"));
  directories.push(directory);
  const paths = fileNames.map((name) => join(directory, name));
  await Promise.all(paths.map((path) => writeFile(path, "PK\u0003\u0004 not really a zip")));
  const client = await Client.create({
    instanceURL: server.url,
    apiKey: server.apiKey,
    userAgentApp: "buildinfo-tests",
  });
  await new PackageRepository(client, "Default").push(paths, mode);
}

describe("the built-in feed", () => {
  it("takes uploads from the official client, naming the package by its file, and lists them with their build information", async () => {
    server = await startOctopusServer();
    await call(server, "POST", "/api/Spaces-1/build-information", { body: pushBody("shop.web", "1.2.0") });
    await upload(["Shop.Web.1.2.0.zip", "Shop.Web.1.10.0.tar.gz", "Shop.Api.2.0.0-beta.1.nupkg"]);

    const listed = (await call(server, "GET", "/api/Spaces-1/packages?filter=shop.web")).json;
    expect(listed.Items.map((item: { Id: string }) => item.Id)).toEqual([
      "packages-Shop.Web.1.10.0",
      "packages-Shop.Web.1.2.0",
    ]);
    expect(listed.Items[1]).toMatchObject({
      PackageId: "Shop.Web",
      Version: "1.2.0",
      FeedId: "feeds-builtin",
      FileExtension: ".zip",
      PackageVersionBuildInformation: { PackageId: "shop.web", Version: "1.2.0", VcsCommitNumber: "c0ffee" },
    });
    expect(listed.Items[0].PackageVersionBuildInformation).toBeNull();
    const latest = (await call(server, "GET", "/api/Spaces-1/packages?latest=true")).json;
    expect(latest.Items.map((item: { Id: string }) => item.Id)).toEqual([
      "packages-Shop.Api.2.0.0-beta.1",
      "packages-Shop.Web.1.10.0",
    ]);
    expect(
      (await call(server, "GET", "/api/Spaces-1/packages/packages-Shop.Api.2.0.0-beta.1")).json.Version,
    ).toBe("2.0.0-beta.1");
  });

  it("answers 409 for a package version it holds, keeps it with IgnoreIfExists and refuses a name that is not a package file", async () => {
    server = await startOctopusServer();
    await upload(["Shop.Web.1.0.0.zip"]);
    await expect(upload(["shop.web.1.0.0.zip"])).rejects.toThrow(/already exists/);
    await upload(["shop.web.1.0.0.zip"], OverwriteMode.IgnoreIfExists);
    expect((await call(server, "GET", "/api/Spaces-1/packages")).json.Items).toEqual([
      expect.objectContaining({ PackageId: "Shop.Web", Version: "1.0.0" }),
    ]);
    await expect(upload(["notes.txt"])).rejects.toThrow(/not <PackageId>\.<Version><extension>/);
  });

  it("searches a feed's versions of one package by NuGet version range, and an external feed by what its registry holds", async () => {
    server = await startOctopusServer({
      externalFeedPackages: {
        "https://nuget.example.com/v3/index.json": [{ PackageId: "Shop.Web", Version: "1.2.0" }],
      },
    });
    await upload(["Shop.Web.1.0.0.zip", "Shop.Web.1.2.0.zip", "Shop.Web.2.0.0.zip"]);
    const feed = await call(server, "POST", "/api/Spaces-1/feeds", {
      body: { Name: "NuGet", FeedType: "NuGet", FeedUri: "https://nuget.example.com/v3/index.json" },
    });
    expect(feed.status).toBe(201);
    const versions = (path: string) =>
      call(server, "GET", path).then((answer) =>
        answer.json.Items.map((item: { Version: string }) => item.Version),
      );
    expect(await versions("/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=shop.web")).toEqual([
      "2.0.0",
      "1.2.0",
      "1.0.0",
    ]);
    expect(
      await versions(
        "/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Shop.Web&versionRange=[1.2.0]",
      ),
    ).toEqual(["1.2.0"]);
    expect(
      await versions(
        "/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Shop.Web&versionRange=[1.0,2.0)",
      ),
    ).toEqual(["1.2.0", "1.0.0"]);
    expect(
      await versions(
        `/api/Spaces-1/feeds/${feed.json.Id}/packages/versions?packageId=Shop.Web&versionRange=[1.2.0]`,
      ),
    ).toEqual(["1.2.0"]);
    const feeds = (await call(server, "GET", "/api/Spaces-1/feeds")).json.Items;
    expect(feeds.map((item: { Id: string; FeedType: string }) => `${item.Id} ${item.FeedType}`)).toEqual([
      "feeds-builtin BuiltIn",
      "Feeds-1 NuGet",
    ]);
    const badRange = await call(
      server,
      "GET",
      "/api/Spaces-1/feeds/feeds-builtin/packages/versions?packageId=Shop.Web&versionRange=[1.0",
    );
    expect(badRange.status).toBe(400);
  });

  it("refuses a form posted from another origin", async () => {
    server = await startOctopusServer();
    const answer = await call(server, "POST", "/api/Spaces-1/packages/raw", {
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="Shop.Web.1.0.0.zip"\r\n\r\nPK\r\n--x--',
      headers: { "Content-Type": "multipart/form-data; boundary=x", Origin: "https://evil.example.com" },
    });
    expect(answer.status).toBe(403);
  });
});
