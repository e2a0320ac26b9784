import { describe, expect, it } from "vitest";
import { gitHubReferenceUrl, parseGitHubReferences } from "../src/index";

describe("parseGitHubReferences (the GitHub tracker's regex, docs/reference/octopus-work-items.md#github)", () => {
  it.each([
    ["Fixes #123", [{ linkData: "#123", number: "123" }]],
    ["closes: owner/repo#45", [{ linkData: "owner/repo#45", number: "45" }]],
    ["Resolved GH-7", [{ linkData: "GH-7", number: "7" }]],
    ["fixed https://github.com/o/r/issues/9", [{ linkData: "https://github.com/o/r/issues/9", number: "9" }]],
    [
      "fix #1 and close #2",
      [
        { linkData: "#1", number: "1" },
        { linkData: "#2", number: "2" },
      ],
    ],
    ["see #5", []],
    ["Fixes  #3", []],
    ["closess #8", [{ linkData: "#8", number: "8" }]],
    ["fixde #9", [{ linkData: "#9", number: "9" }]],
    ["close| #10", [{ linkData: "#10", number: "10" }]],
    ["RESOLVES #11", [{ linkData: "#11", number: "11" }]],
  ])("finds in %j: %j", (text, references) => {
    expect(parseGitHubReferences(text)).toEqual(references);
  });
});

describe("gitHubReferenceUrl (NormalizeLinkData)", () => {
  const root = "https://github.com/acme/shop-web";

  it("links each form as Octopus does", () => {
    expect(gitHubReferenceUrl({ linkData: "#12", number: "12" }, root, undefined)).toBe(`${root}/issues/12`);
    expect(gitHubReferenceUrl({ linkData: "#12", number: "12" }, undefined, "https://github.com")).toBe(
      "https://github.com/issues/12",
    );
    expect(gitHubReferenceUrl({ linkData: "other/lib#3", number: "3" }, root, "https://ghe.corp")).toBe(
      "https://ghe.corp/other/lib/issues/3",
    );
    expect(gitHubReferenceUrl({ linkData: "other/lib#3", number: "3" }, root, undefined)).toBe(
      "https://github.com/other/lib/issues/3",
    );
    expect(
      gitHubReferenceUrl({ linkData: "https://github.com/o/r/issues/9", number: "9" }, root, undefined),
    ).toBe("https://github.com/o/r/issues/9");
    expect(gitHubReferenceUrl({ linkData: "GH-7", number: "7" }, root, undefined)).toBe(`${root}/issues/7`);
    expect(gitHubReferenceUrl({ linkData: "#1", number: "1" }, undefined, undefined)).toBeUndefined();
  });
});
