import { setTimeout as sleep } from "node:timers/promises";
import type { BuildInfoError } from "@buildinfo/core";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { afterEach, describe, expect, it } from "vitest";
import { createOctopusClient, type OctopusClientOptions } from "../src/index";
import { buildInformation, fastRetry, rejection } from "./fixtures";

let server: LocalOctopusServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const spaces = [
  { Id: "Spaces-1", Name: "Default", IsDefault: true },
  { Id: "Spaces-2", Name: "Shop Team" },
];

async function start(
  options: Parameters<typeof startOctopusServer>[0] = {},
  client: Partial<OctopusClientOptions> = {},
) {
  server = await startOctopusServer({ spaces, ...options });
  return createOctopusClient({ serverUrl: server.url, apiKey: server.apiKey, ...fastRetry, ...client });
}

describe("createOctopusClient against the local Octopus server", () => {
  it("takes the server URL by the CLI's rule: /app and /api mean the server; a query is refused by name", async () => {
    server = await startOctopusServer({ spaces });
    for (const suffix of ["/app", "/api/", "/"]) {
      const client = createOctopusClient({ serverUrl: `${server.url}${suffix}`, apiKey: server.apiKey });
      expect(client.serverUrl).toBe(server.url);
      expect((await client.resolveSpace("Shop Team")).Id).toBe("Spaces-2");
      await client.close();
    }
    expect(() => createOctopusClient({ serverUrl: `${server!.url}/?page=1`, apiKey: "k" })).toThrowError(
      /^The Octopus server URL '.*' \(from serverUrl\) has a query or fragment\.$/,
    );
  });

  it("pushes one POST per package with the official wire shape", async () => {
    const client = await start();
    const summary = await client.pushToPackages({
      space: "Shop Team",
      packages: [
        { packageId: "Shop.Api", version: "2.7.0-ci.311" },
        { packageId: "Shop.Web", version: "2.7.0-ci.311" },
      ],
      buildInformation: { ...buildInformation, Commits: [] },
      overwriteMode: "IgnoreIfExists",
    });
    await client.close();

    expect(summary.space).toEqual({ Id: "Spaces-2", Name: "Shop Team" });
    expect(summary.failed).toEqual([]);
    expect(summary.results.map((r) => [r.packageId, r.ok, r.outcome])).toEqual([
      ["Shop.Api", true, "created"],
      ["Shop.Web", true, "created"],
    ]);
    const stored = server!.records();
    expect(summary.results.map((r) => r.recordId)).toEqual(stored.map((r) => r.Id));
    expect(summary.results[0]!.link).toBe(
      `${server!.url}/app#/Spaces-2/library/buildinformation/${stored[0]!.Id}`,
    );

    const posts = server!.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    const [post] = posts;
    expect(post!.path).toBe("/api/Spaces-2/build-information");
    expect(post!.query.get("overwriteMode")).toBe("IgnoreIfExists");
    expect(post!.headers["x-octopus-apikey"]).toBe(server!.apiKey);
    expect(post!.headers["content-type"]).toBe("application/json");
    expect(post!.headers["user-agent"]).toMatch(/^ts-octopusdeploy buildinfo\//);
    expect(JSON.parse(post!.body)).toEqual({
      SpaceId: "Spaces-2",
      PackageId: "Shop.Api",
      Version: "2.7.0-ci.311",
      OverwriteMode: "IgnoreIfExists",
      OctopusBuildInformation: { ...buildInformation, Commits: [] },
    });
  });

  it("resolves spaces by id, by name (case-insensitive fallback) and the default, once per client", async () => {
    const client = await start();
    expect(await client.resolveSpace("Spaces-2")).toEqual({ Id: "Spaces-2", Name: "Shop Team" });
    expect(await client.resolveSpace("shop team")).toEqual({ Id: "Spaces-2", Name: "Shop Team" });
    expect(await client.resolveSpace()).toEqual({ Id: "Spaces-1", Name: "Default" });
    await client.resolveSpace("shop team");
    await client.close();
    const lookups = server!.requests.filter((r) => r.path.startsWith("/api/spaces"));
    expect(lookups.map((r) => `${r.path}?${r.query}`)).toEqual([
      "/api/spaces/Spaces-2?",
      "/api/spaces?partialName=shop+team&skip=0&take=2147483647",
      "/api/spaces?skip=0&take=2147483647",
    ]);
  });

  it("reports ignored, overwritten and created outcomes", async () => {
    const client = await start();
    const push = (overwriteMode: "IgnoreIfExists" | "OverwriteExisting", BuildNumber: string) =>
      client.pushToPackages({
        packages: [{ packageId: "Shop.Api", version: "1.0.0" }],
        buildInformation: { ...buildInformation, BuildNumber },
        overwriteMode,
      });
    expect((await push("IgnoreIfExists", "1")).results[0]!.outcome).toBe("created");
    // The identical record was already stored: this push changed nothing.
    expect((await push("IgnoreIfExists", "1")).results[0]!.outcome).toBe("ignored");
    const before = server!.requests.length;
    expect((await push("IgnoreIfExists", "2")).results[0]!.outcome).toBe("ignored");
    // One read of the list (by version) before the POST: no refused query, no fetch of the full record.
    expect(server!.requests.slice(before).map((request) => request.method)).toEqual(["GET", "POST"]);
    await sleep(5);
    const overwritten = await push("OverwriteExisting", "3");
    await client.close();
    expect(overwritten.results[0]).toMatchObject({ ok: true, outcome: "overwritten" });
    expect(server!.records().map((r) => r.BuildNumber)).toEqual(["3"]);
  });

  it("reads the list once for all the packages of one version before an IgnoreIfExists push", async () => {
    const client = await start();
    const packages = ["Shop.Api", "Shop.Web", "Shop.Worker"].map((packageId) => ({
      packageId,
      version: "4.0.0",
    }));
    await client.pushToPackages({
      packages: packages.slice(0, 1),
      buildInformation,
      overwriteMode: "IgnoreIfExists",
    });
    const before = server!.requests.length;
    const summary = await client.pushToPackages({
      packages,
      buildInformation,
      overwriteMode: "IgnoreIfExists",
    });
    await client.close();
    expect(summary.results.map((result) => result.outcome)).toEqual(["ignored", "created", "created"]);
    const sent = server!.requests.slice(before);
    expect(sent.filter((request) => request.method === "GET")).toHaveLength(1);
    expect(sent.filter((request) => request.method === "POST")).toHaveLength(3);
  });

  it("authenticates with a bearer access token", async () => {
    const client = await start(
      { accessTokens: ["oidc-access-token-1"] },
      { apiKey: undefined, accessToken: "oidc-access-token-1" },
    );
    const space = await client.resolveSpace();
    await client.close();
    expect(space.Id).toBe("Spaces-1");
    expect(server!.requests.at(-1)!.headers.authorization).toBe("Bearer oidc-access-token-1");
    expect(server!.requests.at(-1)!.headers["x-octopus-apikey"]).toBeUndefined();
  });

  it("names the missing permission from the real server's 403", async () => {
    const client = await start({ permissions: { push: true, administer: false } });
    const summary = await client.pushToPackages({
      packages: [{ packageId: "Shop.Api", version: "1.0.0" }],
      buildInformation,
      overwriteMode: "OverwriteExisting",
    });
    await client.close();
    const error = summary.failed[0]!.error as BuildInfoError;
    expect(error.code).toBe("E_HTTP_403");
    expect(error.message).toContain("Missing permission: BuildInformationAdminister");
    expect(error.hint).toContain("BuildInformationAdminister");
  });

  it("pushes without reading the space root first, and reads it to explain a 404", async () => {
    const client = await start();
    await client.pushToPackages({
      space: "Spaces-2",
      packages: [{ packageId: "Shop.Api", version: "2.7.0" }],
      buildInformation,
      overwriteMode: "FailIfExists",
    });
    expect(server!.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /api/spaces/Spaces-2",
      "POST /api/Spaces-2/build-information",
    ]);
    await client.close();
    await server!.close();

    const old = await start({ version: "2019.8.3" });
    const summary = await old.pushToPackages({
      space: "Spaces-2",
      packages: [
        { packageId: "Shop.Api", version: "2.7.0" },
        { packageId: "Shop.Web", version: "2.7.0" },
      ],
      buildInformation,
      overwriteMode: "FailIfExists",
    });
    await old.close();
    expect(summary.failed.map((failure) => failure.error?.code)).toEqual([
      "E_SERVER_TOO_OLD",
      "E_SERVER_TOO_OLD",
    ]);
    expect(server!.requests.filter((r) => r.path === "/api/Spaces-2")).toHaveLength(1);
    expect(server!.records()).toEqual([]);
  });

  it("reports a server before 2019.9 as too old", async () => {
    const client = await start({ version: "2019.8.3" });
    const error = await rejection(client.listBuildInformation());
    await client.close();
    expect(error.code).toBe("E_SERVER_TOO_OLD");
  });

  it("lists with filters and paging, views and deletes records", async () => {
    const client = await start();
    const packages = ["1.0.0", "1.1.0", "2.0.0"].flatMap((version) => [
      { packageId: "Shop.Api", version },
      { packageId: "Shop.Web", version },
    ]);
    await client.pushToPackages({ packages, buildInformation, overwriteMode: "FailIfExists" });

    const page = await client.listBuildInformation({ packageId: "Shop.Web", skip: 1, take: 1 });
    expect(page.TotalResults).toBe(3);
    expect(page.Items.map((r) => r.Version)).toEqual(["1.1.0"]);
    const latest = await client.listBuildInformation({ latest: true });
    expect(latest.Items.map((r) => `${r.PackageId} ${r.Version}`)).toEqual([
      "Shop.Api 2.0.0",
      "Shop.Web 2.0.0",
    ]);
    const filtered = await client.listBuildInformation({ space: "Default", filter: "1.1" });
    expect(filtered.Items).toHaveLength(2);

    const record = await client.getBuildInformation("Spaces-1", page.Items[0]!.Id);
    expect(record.Commits?.map((c) => c.Id)).toEqual(buildInformation.Commits.map((c) => c.Id));
    await client.deleteBuildInformation(undefined, record.Id);
    const gone = await rejection(client.getBuildInformation(undefined, record.Id));
    await client.close();
    expect(gone.code).toBe("E_HTTP_404");
    expect(server!.records()).toHaveLength(5);
  });
});
