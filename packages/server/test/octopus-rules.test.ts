import { describe, expect, it } from "vitest";
import { serverCommitLink } from "../src/commit-links";
import { isValidPackageId } from "../src/octopus-package-ids";
import {
  compareOctopusVersions,
  isServerVersionAtLeast,
  isValidOctopusVersion,
} from "../src/octopus-versions";

describe("package ids", () => {
  it.each([
    "Acme.Web",
    "acme-web_2",
    "com.acme:shop-web",
    "acme/shop-web",
    "registry.example.com:5000/acme/web",
    "A",
  ])("accepts %s", (id) => expect(isValidPackageId(id)).toBe(true));
  it.each([
    "",
    "Acme Web",
    ".Acme",
    "Acme.",
    "Acme..Web",
    "a:b:c",
    "a//b",
    "C:\\build\\Acme.nupkg",
    "Acme+Web",
  ])("refuses %j", (id) => expect(isValidPackageId(id)).toBe(false));
});

describe("versions", () => {
  it.each([
    "1.2.3",
    "1.2.3-beta.1",
    "1.2.3-beta.1+sha.abc",
    "1.2.3.4",
    "1.2.3.4-ci.7",
    "1.0",
    "1",
    "01.2.3",
    "2147483647.0.0",
  ])("accepts %s", (version) => expect(isValidOctopusVersion(version)).toBe(true));
  it.each([
    "",
    "v1.2.3",
    "1.2.3.4.5",
    "1.2.3-",
    "1.2.3-beta..1",
    "1.2.3+",
    "latest",
    "1.2.3 ",
    "2147483648.0.0",
  ])("refuses %j", (version) => expect(isValidOctopusVersion(version)).toBe(false));
  it("orders by SemVer precedence, with 4-part versions and pre-releases", () => {
    const sorted = [
      "1.10.0",
      "1.2.0",
      "1.10.0-beta.10",
      "1.10.0-beta.2",
      "1.10.0-alpha",
      "1.2.0.1",
      "1.10.0+meta",
    ].sort(compareOctopusVersions);
    expect(sorted).toEqual([
      "1.2.0",
      "1.2.0.1",
      "1.10.0-alpha",
      "1.10.0-beta.2",
      "1.10.0-beta.10",
      "1.10.0",
      "1.10.0+meta",
    ]);
  });
  it("compares server versions", () => {
    expect(isServerVersionAtLeast("2019.9.0", "2019.9.0")).toBe(true);
    expect(isServerVersionAtLeast("2019.8.12", "2019.9.0")).toBe(false);
    expect(isServerVersionAtLeast("2020.1.0-rc1", "2019.9.0")).toBe(true);
  });
});

function input(VcsType: string | null, VcsRoot: string | null, BuildUrl: string | null = null) {
  return {
    BuildEnvironment: null,
    BuildNumber: null,
    BuildUrl,
    Branch: null,
    VcsType,
    VcsRoot,
    VcsCommitNumber: null,
    Commits: [],
  };
}

describe("commit links", () => {
  it("links Git commits under the https root, with Bitbucket Cloud's plural path", () => {
    expect(serverCommitLink(input("Git", "https://github.com/acme/web"), "abc")).toBe(
      "https://github.com/acme/web/commit/abc",
    );
    expect(serverCommitLink(input("git", "git@github.com:acme/web.git"), "abc")).toBe(
      "https://github.com/acme/web/commit/abc",
    );
    expect(serverCommitLink(input("Git", "https://user:token@bitbucket.org/acme/web.git"), "abc")).toBe(
      "https://bitbucket.org/acme/web/commits/abc",
    );
  });
  it("links TFVC changesets under the project the build URL names", () => {
    const tfvc = input(
      "TFVC",
      "https://dev.azure.com/acme",
      "https://dev.azure.com/acme/Shop/_build/results?buildId=9",
    );
    expect(serverCommitLink(tfvc, "42")).toBe("https://dev.azure.com/acme/Shop/_versionControl/changeset/42");
  });
  it("gives no link for other VCS types or missing roots", () => {
    expect(serverCommitLink(input("Unknown", "https://github.com/acme/web"), "abc")).toBeNull();
    expect(serverCommitLink(input("Git", null), "abc")).toBeNull();
  });
});
