import { describe, expect, it } from "vitest";
import type { BuildInformation } from "../src/index";
import { formatBuildInformationFile, normalizeDraft, readBuildInformationFile } from "../src/index";
import { catchBuildInfoError } from "./catch-build-info-error";

const jenkinsFile = `{
  "BuildEnvironment": "Jenkins",
  "BuildNumber": "311",
  "BuildUrl": "https://ci.example.com/job/shop-web/311/",
  "Branch": "origin/main",
  "VcsType": "Git",
  "VcsRoot": "https://github.com/acme/shop-web.git",
  "VcsCommitNumber": "4b1d0c3e5f",
  "CommentParser": "Jira",
  "Commits": [
    { "Id": "4b1d0c3e5f", "Comment": "SHOP-88 cache price lookups — größer\\n\\nCloses #41" },
    { "Id": "a07e9912cd", "Comment": "Bump test deps" }
  ]
}`;

function utf16be(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

const bom = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] };

describe("readBuildInformationFile", () => {
  const expectedDraft = {
    buildEnvironment: "Jenkins",
    buildNumber: "311",
    buildUrl: "https://ci.example.com/job/shop-web/311/",
    branch: "origin/main",
    vcsType: "Git",
    vcsRoot: "https://github.com/acme/shop-web.git",
    vcsCommitNumber: "4b1d0c3e5f",
    commits: [
      { id: "4b1d0c3e5f", comment: "SHOP-88 cache price lookups — größer\n\nCloses #41" },
      { id: "a07e9912cd", comment: "Bump test deps" },
    ],
  };

  it.each([
    ["UTF-8 without a BOM", Buffer.from(jenkinsFile, "utf8")],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from(bom.utf8), Buffer.from(jenkinsFile, "utf8")])],
    ["UTF-16 LE with a BOM", Buffer.concat([Buffer.from(bom.utf16le), Buffer.from(jenkinsFile, "utf16le")])],
    ["UTF-16 BE with a BOM", Buffer.concat([Buffer.from(bom.utf16be), utf16be(jenkinsFile)])],
    ["UTF-16 LE without a BOM", Buffer.from(jenkinsFile, "utf16le")],
    ["UTF-16 BE without a BOM", utf16be(jenkinsFile)],
  ])("reads %s", (_, bytes) => {
    const { draft, warnings } = readBuildInformationFile(new Uint8Array(bytes), "octopus.buildinfo");
    expect(draft).toMatchObject(expectedDraft);
    expect(draft.sources).toMatchObject({
      branch: "Branch in octopus.buildinfo",
      commits: "Commits in octopus.buildinfo",
    });
    expect(warnings).toEqual(["Ignored unknown key in octopus.buildinfo: CommentParser."]);
  });

  it("matches keys case-insensitively (lower-case keys, as hand-written files have them)", () => {
    const text = `{"buildenvironment":"TeamCity","BRANCH":"refs/heads/main","vcsType":"jetbrains.git",
      "commits":[{"id":"c0ffee","comment":"Tidy logging"}],"IncompleteDataWarning":"Only 100 commits"}`;
    const { draft, warnings } = readBuildInformationFile(
      new Uint8Array(Buffer.concat([Buffer.from(bom.utf16le), Buffer.from(text, "utf16le")])),
      "octopus.buildinfo",
    );
    expect(draft).toMatchObject({
      buildEnvironment: "TeamCity",
      branch: "refs/heads/main",
      vcsType: "jetbrains.git",
      commits: [{ id: "c0ffee", comment: "Tidy logging" }],
    });
    expect(warnings).toEqual(["Ignored unknown key in octopus.buildinfo: IncompleteDataWarning."]);
    expect(normalizeDraft(draft).buildInformation).toEqual({
      BuildEnvironment: "TeamCity",
      Branch: "main",
      VcsType: "Git",
      Commits: [{ Id: "c0ffee", Comment: "Tidy logging" }],
    });
  });

  it("treats null and missing Commits as none, and nulls as absent", () => {
    for (const text of [
      '{"BuildEnvironment":"Bamboo","Commits":null,"Branch":null}',
      '{"BuildEnvironment":"Bamboo"}',
    ]) {
      const { draft } = readBuildInformationFile(new TextEncoder().encode(text), "f.json");
      expect(draft.commits).toEqual([]);
      expect(draft.branch).toBeUndefined();
    }
  });

  it("reads numbers as strings and null commit fields as empty", () => {
    const text =
      '{"BuildEnvironment":"Bamboo","BuildNumber":45,"Commits":[{"Id":4711,"Comment":null,"LinkUrl":"x"}]}';
    const { draft, warnings } = readBuildInformationFile(new TextEncoder().encode(text), "f.json");
    expect(draft.buildNumber).toBe("45");
    expect(draft.commits).toEqual([{ id: "4711", comment: "" }]);
    expect(warnings).toEqual(["Ignored unknown key in f.json: Commits[].LinkUrl."]);
  });

  it("lists several unknown keys once each", () => {
    const text = '{"BuildEnvironment":"X","A":1,"B":2,"Commits":[{"Id":"1","X":1},{"Id":"2","X":2}]}';
    const { warnings } = readBuildInformationFile(new TextEncoder().encode(text), "f.json");
    expect(warnings).toEqual(["Ignored unknown keys in f.json: A, B, Commits[].X."]);
  });

  it("names the file when BuildEnvironment is missing", () => {
    const { draft } = readBuildInformationFile(
      new TextEncoder().encode('{"Branch":"main"}'),
      "octopus.buildinfo",
    );
    const error = catchBuildInfoError(() => normalizeDraft(draft));
    expect(error.code).toBe("E_MISSING_BUILD_ENVIRONMENT");
    expect(error.message).toContain("octopus.buildinfo");
  });

  it.each([
    ["a lone high surrogate in UTF-16 LE", [...bom.utf16le, 0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00], "UTF-16LE"],
    ["a lone low surrogate in UTF-16 BE", [...bom.utf16be, 0x00, 0x7b, 0xdc, 0x00, 0x00, 0x7d], "UTF-16BE"],
    ["an odd number of UTF-16 bytes", [...bom.utf16le, 0x7b, 0x00, 0x7d], "UTF-16LE"],
    ["invalid UTF-8", [0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d], "UTF-8"],
    ["a truncated UTF-8 sequence", [...bom.utf8, 0x7b, 0xe2, 0x82], "UTF-8"],
  ])("rejects %s naming the file", (_, bytes, encoding) => {
    const error = catchBuildInfoError(() =>
      readBuildInformationFile(new Uint8Array(bytes), "octopus.buildinfo"),
    );
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.kind).toBe("input");
    expect(error.source).toBe("octopus.buildinfo");
    expect(error.message).toBe(`octopus.buildinfo is not valid ${encoding} text.`);
  });

  it.each([
    ['{\n  "BuildEnvironment": "Jenkins",\n  "Branch": main\n}', "line 3, column 13"],
    ['{"BuildEnvironment": "Jenkins",}', "line 1, column 32"],
    ['{"BuildEnvironment": "Jenkins"', "ends too early"],
    ["", "ends too early"],
    ['{"a": "x"} extra', "line 1, column 12"],
    ['{"a": "tab\there"}', "line 1, column 11"],
  ])("reports JSON errors with the file name and position: %j", (text, where) => {
    const error = catchBuildInfoError(() =>
      readBuildInformationFile(new TextEncoder().encode(text), "octopus.buildinfo"),
    );
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.message).toContain("octopus.buildinfo is not valid JSON");
    expect(error.message).toContain(where);
  });

  it("never quotes the file's content in a JSON error", () => {
    const secret = "glpat-SuperSecretToken0000000";
    const text = `{"VcsRoot": "https://oauth2:${secret}@gitlab.com/a/b", oops}`;
    const error = catchBuildInfoError(() =>
      readBuildInformationFile(new TextEncoder().encode(text), "f.json"),
    );
    expect(error.message).not.toContain(secret);
  });

  it("survives hostile nesting", () => {
    const error = catchBuildInfoError(() =>
      readBuildInformationFile(new TextEncoder().encode("[".repeat(200_000)), "f.json"),
    );
    expect(error.code).toBe("E_FILE_FORMAT");
  });

  it.each([
    ["[]", "must hold one JSON object"],
    ["null", "must hold one JSON object"],
    ['"text"', "must hold one JSON object"],
    ['{"BuildEnvironment":"X","Commits":{}}', "Commits that are not an array"],
    ['{"BuildEnvironment":"X","Commits":["abc"]}', "Commits[0] that is not an object"],
    ['{"BuildEnvironment":{"Name":"X"}}', "BuildEnvironment that is not a string"],
    ['{"PackageId":"Acme.Web","Version":"1.0.0","OctopusBuildInformation":{}}', "holds a push request"],
  ])("rejects the shape %j", (text, problem) => {
    const error = catchBuildInfoError(() =>
      readBuildInformationFile(new TextEncoder().encode(text), "f.json"),
    );
    expect(error.code).toBe("E_FILE_FORMAT");
    expect(error.message).toContain(problem);
  });

  it("reads a file with 20,000 commits and a 5 MB message", () => {
    const huge = "x".repeat(5 * 1024 * 1024);
    const commits = Array.from({ length: 20_000 }, (_, index) => ({
      Id: `c${index}`,
      Comment: index === 0 ? huge : "m",
    }));
    const text = JSON.stringify({ BuildEnvironment: "TeamCity", Commits: commits });
    const { draft } = readBuildInformationFile(new Uint8Array(Buffer.from(text, "utf16le")), "big.buildinfo");
    expect(draft.commits).toHaveLength(20_000);
    const { buildInformation, warnings } = normalizeDraft(draft);
    expect(buildInformation.Commits).toHaveLength(10_000);
    expect(buildInformation.Commits[0]!.Comment).toBe(huge);
    expect(warnings.some((warning) => warning.includes("10000 older commits were dropped"))).toBe(true);
  });
});

describe("formatBuildInformationFile", () => {
  const info: BuildInformation = {
    BuildEnvironment: "GitHub Actions",
    BuildNumber: "88",
    Branch: "main",
    VcsType: "Git",
    VcsRoot: "https://github.com/acme/shop-web",
    VcsCommitNumber: "4b1d0c3e5f",
    Commits: [{ Id: "4b1d0c3e5f", Comment: "Größer ✓\nFixes #1" }],
  };

  it("writes PascalCase JSON with a 2-space indent and a trailing newline", () => {
    expect(formatBuildInformationFile(info)).toBe(
      `{
  "BuildEnvironment": "GitHub Actions",
  "BuildNumber": "88",
  "Branch": "main",
  "VcsType": "Git",
  "VcsRoot": "https://github.com/acme/shop-web",
  "VcsCommitNumber": "4b1d0c3e5f",
  "Commits": [
    {
      "Id": "4b1d0c3e5f",
      "Comment": "Größer ✓\\nFixes #1"
    }
  ]
}
`,
    );
  });

  it("writes Commits as [] and reads back what it wrote", () => {
    const empty: BuildInformation = { BuildEnvironment: "Jenkins", VcsType: "TFVC", Commits: [] };
    expect(JSON.parse(formatBuildInformationFile(empty))).toEqual(empty);
    const bytes = new TextEncoder().encode(formatBuildInformationFile(info));
    expect(bytes[0]).toBe(0x7b);
    const { draft, warnings } = readBuildInformationFile(bytes, "out.json");
    expect(warnings).toEqual([]);
    expect(normalizeDraft(draft).buildInformation).toEqual(info);
  });
});
