import { BuildInformationRepository, Client, OverwriteMode } from "@octopusdeploy/api-client";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalOctopusServer, startOctopusServer } from "../src/octopus-server";

let server: LocalOctopusServer;
afterEach(async () => {
  await server.close();
});

const build = {
  spaceName: "Default",
  BuildEnvironment: "GitHub Actions",
  BuildNumber: "311",
  BuildUrl: "https://github.com/acme/shop-web/actions/runs/88120",
  Branch: "feature/SHOP-12-price-cache",
  VcsType: "Git",
  VcsRoot: "https://github.com/acme/shop-web",
  VcsCommitNumber: "4b1d0c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c",
  Commits: [
    { Id: "4b1d0c3e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c", Comment: "SHOP-12 cache price lookups\n\nFixes #41" },
    { Id: "a07e9912cd0000000000000000000000000000ff", Comment: "Bump test deps" },
  ],
};

async function officialClient(apiKey: string): Promise<Client> {
  return Client.create({ instanceURL: server.url, apiKey, userAgentApp: "buildinfo-tests" });
}

describe("the official @octopusdeploy/api-client against the local server", () => {
  it("pushes one record per package and the server stores the mapped resource", async () => {
    server = await startOctopusServer();
    const client = await officialClient(server.apiKey);
    await new BuildInformationRepository(client, "Default").push({
      ...build,
      Packages: [
        { Id: "Shop.Web", Version: "2.7.0-ci.311" },
        { Id: "acme/shop-web", Version: "2.7.0-ci.311" },
      ],
    });

    const records = server.records().sort((left, right) => left.PackageId.localeCompare(right.PackageId));
    expect(records).toHaveLength(2);
    expect(records.map((record) => record.PackageId)).toEqual(["acme/shop-web", "Shop.Web"]);
    const record = records[1]!;
    expect(record).toMatchObject({
      Id: expect.stringMatching(/^BuildInformation-\d+$/),
      SpaceId: "Spaces-1",
      PackageId: "Shop.Web",
      Version: "2.7.0-ci.311",
      BuildEnvironment: "GitHub Actions",
      BuildNumber: "311",
      BuildUrl: build.BuildUrl,
      Branch: build.Branch,
      VcsType: "Git",
      VcsRoot: build.VcsRoot,
      VcsCommitNumber: build.VcsCommitNumber,
      VcsCommitUrl: `https://github.com/acme/shop-web/commit/${build.VcsCommitNumber}`,
      Commits: build.Commits.map((commit) => ({
        ...commit,
        LinkUrl: `https://github.com/acme/shop-web/commit/${commit.Id}`,
      })),
      WorkItems: [],
      Links: { Self: `/api/Spaces-1/build-information/${record.Id}` },
    });
    expect(Date.parse(record.Created)).not.toBeNaN();

    const posts = server.requests.filter((request) => request.method === "POST");
    expect(posts.map((request) => `${request.path}?${request.query}`)).toEqual([
      "/api/Spaces-1/build-information?overwriteMode=FailIfExists",
      "/api/Spaces-1/build-information?overwriteMode=FailIfExists",
    ]);
    expect(posts[0]!.headers["x-octopus-apikey"]).toBe(server.apiKey);
    expect(posts[0]!.headers["user-agent"]).toBe("ts-octopusdeploy buildinfo-tests");
    expect(server.requests[0]!.path).toBe("/api");
    expect(server.requests.some((request) => request.path === "/api/spaces")).toBe(true);
  });

  it("gets the 409 text for a second push and succeeds with IgnoreIfExists and OverwriteExisting", async () => {
    server = await startOctopusServer();
    const client = await officialClient(server.apiKey);
    const repository = new BuildInformationRepository(client, "Default");
    const packages = [{ Id: "Shop.Web", Version: "1.0.0" }];
    await repository.push({ ...build, Packages: packages });

    await expect(repository.push({ ...build, Packages: packages })).rejects.toThrow(
      "Metadata for the specified Package ID and version already exists.",
    );
    await repository.push({ ...build, BuildNumber: "312", Packages: packages }, OverwriteMode.IgnoreIfExists);
    expect(server.records().map((record) => record.BuildNumber)).toEqual(["311"]);
    await repository.push(
      { ...build, BuildNumber: "313", Packages: packages },
      OverwriteMode.OverwriteExisting,
    );
    expect(server.records().map((record) => record.BuildNumber)).toEqual(["313"]);
  });

  it("reports the server's 400 Errors and 401 message", async () => {
    server = await startOctopusServer();
    const client = await officialClient(server.apiKey);
    await expect(
      new BuildInformationRepository(client, "Default").push({
        ...build,
        Packages: [{ Id: "Shop.Web", Version: "v1.0" }],
      }),
    ).rejects.toThrow("The version is invalid. Please supply a valid semver version number.");

    const intruder = await officialClient("API-WRONGKEY");
    await expect(
      new BuildInformationRepository(intruder, "Default").push({
        ...build,
        Packages: [{ Id: "Shop.Web", Version: "1.0.0" }],
      }),
    ).rejects.toThrow(/API key you provided was not valid/);
    expect(server.records()).toEqual([]);
  });
});
