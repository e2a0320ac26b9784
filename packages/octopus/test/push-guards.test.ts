import { describe, expect, it } from "vitest";
import { localOctopus } from "./local-octopus";

const start = localOctopus();

describe("checkBeforePush", () => {
  it("finds nothing to say when the package version is new and named as the feed and the steps name it", async () => {
    const { scenario, client } = await start();
    const project = await scenario.project("Shop", ["Shop.Web"]);
    await scenario.uploadPackage("Shop.Web.1.0.0.zip");
    await scenario.release(project, "1.0.0");
    expect(
      await client.checkBeforePush({
        project: "Shop",
        packages: [{ packageId: "Shop.Web", version: "1.1.0" }],
      }),
    ).toEqual({
      findings: [],
      notChecked: [],
    });
  });

  it("names the release that already uses the package version: its build information was captured when it was created", async () => {
    const { scenario, client } = await start();
    const project = await scenario.project("Shop", ["Shop.Web", "Shop.Api"]);
    await scenario.release(project, "1.3.0", { packages: { "Shop.Web": "1.4.0", "Shop.Api": "1.3.0" } });
    const report = await client.checkBeforePush({
      project: "Shop",
      packages: [
        { packageId: "shop.web", version: "1.4.0" },
        { packageId: "Shop.Api", version: "1.4.0" },
      ],
    });
    expect(report.findings).toEqual([
      {
        code: "E_PACKAGE_ALREADY_RELEASED",
        packageId: "shop.web",
        version: "1.4.0",
        message:
          "Release 1.3.0 (Releases-1) of project Shop already uses shop.web 1.4.0: Octopus captured its build " +
          "information when the release was created, so build information pushed now will not appear there.",
        hint: expect.stringContaining("Push build information before creating the release"),
      },
      expect.objectContaining({ code: "E_PACKAGE_ID_MISMATCH", packageId: "shop.web" }),
    ]);
  });

  it("names the id the built-in feed holds when it differs only in case", async () => {
    const { scenario, client } = await start();
    await scenario.project("Shop", ["Shop.Web"]);
    await scenario.uploadPackage("Shop.Web.1.0.0.zip");
    const report = await client.checkBeforePush({
      project: "Shop",
      packages: [{ packageId: "shop.web", version: "1.1.0" }],
    });
    expect(report.findings).toEqual([
      {
        code: "E_PACKAGE_ID_MISMATCH",
        packageId: "shop.web",
        version: "1.1.0",
        message:
          'The built-in feed holds this package as "Shop.Web", not "shop.web". Octopus before 2024.3.13138 / ' +
          "2025.1.9129 shows build information on a package only when the ids match exactly (OctopusDeploy/Issues#9246).",
        hint: "Pass --package-id Shop.Web, exactly as the feed and the steps name the package.",
      },
    ]);
  });

  it("names the id the steps use when the feed does not hold the package", async () => {
    const { scenario, client } = await start();
    await scenario.project("Shop", ["Shop.Website"]);
    const report = await client.checkBeforePush({
      project: "Shop",
      packages: [{ packageId: "Shop.Web", version: "1.0.0" }],
    });
    expect(report.findings.map((finding) => [finding.code, finding.message, finding.hint])).toEqual([
      [
        "E_PACKAGE_ID_MISMATCH",
        'No step of project Shop uses "Shop.Web" and the built-in feed has no such package, so Octopus will show this ' +
          'build information on none of the project\'s releases. Its steps use "Shop.Website".',
        "Pass --package-id Shop.Website, exactly as the feed and the steps name the package.",
      ],
    ]);
  });

  it("names the feeds that hold the same id and version", async () => {
    const feedUri = "https://nuget.example.com/v3/index.json";
    const { scenario, client } = await start({
      externalFeedPackages: { [feedUri]: [{ PackageId: "Shop.Web", Version: "2.0.0" }] },
    });
    const nuget = await scenario.feed("Company NuGet", feedUri);
    await scenario.project("Shop", [
      { packageId: "Shop.Web", feedId: nuget.Id },
      { packageId: "Shop.Web.Tools" },
    ]);
    await scenario.uploadPackage("Shop.Web.2.0.0.zip");
    const report = await client.checkBeforePush({
      project: "Shop",
      packages: [{ packageId: "Shop.Web", version: "2.0.0" }],
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: "E_PACKAGE_IN_SEVERAL_FEEDS",
        message:
          "Shop.Web 2.0.0 is in 2 feeds: Octopus Server (built-in) (feeds-builtin), Company NuGet (Feeds-1). Octopus keys " +
          "build information by package id and version alone, so this build information describes each of them.",
      }),
    ]);
  });

  it("reports what it could not read instead of failing the push", async () => {
    const { scenario, client } = await start({
      beforeRequest: ({ request, send }) => {
        if (!request.path.endsWith("/releases")) return undefined;
        send({
          status: 403,
          body: { ErrorMessage: "You do not have permission to perform this action.", Errors: [] },
        });
        return "handled";
      },
    });
    await scenario.project("Shop", ["Shop.Web"]);
    const report = await client.checkBeforePush({
      project: "Shop",
      packages: [{ packageId: "Shop.Web", version: "1.0.0" }],
    });
    expect(report.findings).toEqual([]);
    expect(report.notChecked).toEqual([
      expect.stringMatching(/^the project's releases: The API key or token may not do this: HTTP 403/),
    ]);
  });
});
