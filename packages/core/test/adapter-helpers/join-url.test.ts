import { describe, expect, it } from "vitest";
import { joinUrl } from "../../src/index";

describe("joinUrl", () => {
  it.each([
    ["https://ci.example.com", "job/app/", "https://ci.example.com/job/app/"],
    ["https://ci.example.com/", "job/app/", "https://ci.example.com/job/app/"],
    ["https://ci.example.com", "/job/app/", "https://ci.example.com/job/app/"],
    ["https://ci.example.com/", "/job/app/", "https://ci.example.com/job/app/"],
    ["https://ci.example.com///", "///job", "https://ci.example.com/job"],
  ])("joins %j and %j with exactly one slash", (base, path, expected) => {
    expect(joinUrl(base, path)).toBe(expected);
  });

  it("keeps a context path of the base", () => {
    expect(joinUrl("https://example.com/teamcity/", "app/rest/changes")).toBe(
      "https://example.com/teamcity/app/rest/changes",
    );
    expect(joinUrl("https://dev.azure.com/acme/Shop", "_apis/build")).toBe(
      "https://dev.azure.com/acme/Shop/_apis/build",
    );
  });

  it("leaves the trailing slash and the query of the path alone", () => {
    expect(joinUrl("https://ci.example.com/job/app", "42/")).toBe("https://ci.example.com/job/app/42/");
    expect(joinUrl("https://api.github.com", "repos/a/b?page=2")).toBe(
      "https://api.github.com/repos/a/b?page=2",
    );
  });

  it("does not touch slashes inside either part", () => {
    expect(joinUrl("https://host//a", "b//c")).toBe("https://host//a/b//c");
  });

  it("gives a single slash between empty parts", () => {
    expect(joinUrl("https://host", "")).toBe("https://host/");
    expect(joinUrl("", "path")).toBe("/path");
  });
});
