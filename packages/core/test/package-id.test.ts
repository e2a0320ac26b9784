import { describe, expect, it } from "vitest";
import { invalidPackageIdMessage, validatePackageId } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

describe("validatePackageId", () => {
  it.each([
    "MyPackage",
    "MyPackage.Sample",
    "Acme.Web",
    "acme-web",
    "acme_web",
    "_private",
    "Shop.Api.2",
    "7zip",
    "a",
    "com.acme:web",
    "com.acme.shop:shop-api",
    "acme/web",
    "octopusdeploy/worker-tools",
    "registry.acme.io/team/web",
    "acme/web__worker",
  ])("accepts %j", (id) => {
    expect(validatePackageId(id, "--package-id")).toBe(id);
  });

  it("trims surrounding whitespace", () => {
    expect(validatePackageId("  Acme.Web\n", "--package-id")).toBe("Acme.Web");
  });

  it.each([
    "Acme Web",
    "Acme\tWeb",
    ".Acme",
    "Acme.",
    "-acme",
    "acme-",
    "/acme/web",
    "acme/web/",
    ":web",
    "com.acme:",
    "Acme..Web",
    "acme//web",
    "a:b:c",
    "Acme@Web",
    "Acme#1",
    "Ácme",
    "acme+web",
  ])("rejects %j with the server's message and the source", (id) => {
    const error = catchBuildInfoError(() => validatePackageId(id, "--package-id"));
    expect(error.code).toBe("E_INVALID_PACKAGE_ID");
    expect(error.kind).toBe("input");
    expect(error.source).toBe("--package-id");
    expect(error.message).toContain(invalidPackageIdMessage);
    expect(error.message).toContain(JSON.stringify(id));
    expect(error.message).toContain("from --package-id");
  });

  it.each(["", "   "])("rejects the empty id %j", (id) => {
    const error = catchBuildInfoError(() => validatePackageId(id, "packages input"));
    expect(error.code).toBe("E_INVALID_PACKAGE_ID");
    expect(error.message).toContain("is empty");
    expect(error.message).toContain("from packages input");
  });

  it.each([
    "Acme.Web.1.2.3.nupkg",
    "dist/Acme.Web.1.2.3.zip",
    "./artifacts/acme-web.1.2.3.tar.gz",
    "acme-web-1.2.3.tgz",
    "target/shop-api-1.2.3.jar",
    "shop.war",
    "C:\\build\\out\\Acme.Web.1.2.3.nupkg",
    "artifacts\\Acme.Web",
  ])("says %j looks like a package file (push-build-information-action#234)", (id) => {
    const error = catchBuildInfoError(() => validatePackageId(id, "--package-id"));
    expect(error.code).toBe("E_INVALID_PACKAGE_ID");
    expect(error.message).toContain("looks like a package file, pass the package id");
  });

  it("keeps a huge id out of the message", () => {
    const error = catchBuildInfoError(() => validatePackageId(`${"a ".repeat(500_000)}`, "--package-id"));
    expect(error.message.length).toBeLessThan(500);
  });
});
