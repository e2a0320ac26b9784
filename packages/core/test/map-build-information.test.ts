// What mapBuildInformation reports for commit messages people really write. Every expected value was
// worked out by hand from Octopus's rules as restated in docs/reference/octopus-work-items.md (the
// comment above each says how); the rules themselves are checked against Octopus's own tests in
// octopus-vectors.test.ts.
import { describe, expect, it } from "vitest";
import {
  type BuildInformation,
  type IssueTrackers,
  mapBuildInformation,
  normalizeVcsRoot,
} from "../src/index";

const has = (text: string) => expect.stringContaining(text);

describe("the project's scenario: five commits pushed from a GitHub repository cloned over ssh", () => {
  const record: BuildInformation = {
    BuildEnvironment: "GitHub Actions",
    VcsType: "Git",
    // buildinfo pushes the root normalised: https://github.com/acme/shop.
    VcsRoot: normalizeVcsRoot("git@github.com:acme/shop.git")!,
    VcsCommitNumber: "c1",
    Commits: [
      { Id: "c1", Comment: "Fixes #12" },
      { Id: "c2", Comment: "See #13" },
      { Id: "c3", Comment: "ACME-42 add basket" },
      { Id: "c4", Comment: "fix AB#123 in checkout" },
      { Id: "c5", Comment: "hotfix #14" },
    ],
  };
  const trackers: IssueTrackers = {
    github: { baseUrl: "https://github.com" },
    jira: { baseUrl: "https://acme.atlassian.net" },
    azureDevOps: {},
  };
  const mapped = mapBuildInformation(record, trackers);

  it("links every commit under the https root, and VcsCommitUrl likewise", () => {
    // Git, a github.com root: {root}/commit/{id}.
    expect(mapped.vcsCommitUrl).toBe("https://github.com/acme/shop/commit/c1");
    expect(mapped.commits).toEqual(
      ["c1", "c2", "c3", "c4", "c5"].map((id) => ({
        id,
        linkUrl: `https://github.com/acme/shop/commit/${id}`,
      })),
    );
  });

  it("reports each reference with Octopus's status, link and reason", () => {
    expect(mapped.workItems).toEqual([
      // Jira first. The key pattern reads ACME-42 anywhere; no Jira answer is given, so it stays
      // unconfirmed; the link is {base}/browse/{key as written}.
      {
        id: "ACME-42",
        linkUrl: "https://acme.atlassian.net/browse/ACME-42",
        description: "ACME-42",
        source: "Jira",
        status: "unconfirmed",
        reason: has("only when its Jira connection finds the issue"),
      },
      // "Fixes" + one space + "#12": link data "#12", which goes under the VcsRoot: {root}/issues/12.
      // No GitHub answer is given, so the description is the number, as Octopus's is when GitHub fails.
      {
        id: "12",
        linkUrl: "https://github.com/acme/shop/issues/12",
        description: "12",
        source: "GitHub",
        status: "linked",
      },
      // "fix" + one space + "AB#123": [A-Z0-9/_.-]*# takes "AB#", so the link data is "AB#123". Its part
      // before "#" is not empty, so NormalizeLinkData inserts "issues" after it under the base URL:
      // https://github.com/AB/issues/123. GetGitHubOwnerAndRepo finds no "owner/repo" in "AB" and falls
      // back to the VcsRoot, so Octopus would describe it with acme/shop issue 123.
      {
        id: "123",
        linkUrl: "https://github.com/AB/issues/123",
        description: "123",
        source: "GitHub",
        status: "linked",
        reason: has('reads it as GitHub repository "AB" issue 123'),
        suggestion: has("Keep closing keywords away from Azure Boards mentions"),
      },
      // The keyword alternation has no word boundary, so "fix" inside "hotfix" + " #14" is read: {root}/issues/14.
      {
        id: "14",
        linkUrl: "https://github.com/acme/shop/issues/14",
        description: "14",
        source: "GitHub",
        status: "linked",
        reason: has('finds "fix" inside "hotfix"'),
        suggestion: has('"hotfix (#14)"'),
      },
      // "See" is no closing keyword: the pattern does not match, so Octopus lists nothing for #13.
      {
        id: "13",
        linkUrl: "",
        description: "13",
        source: "GitHub",
        status: "ignored",
        reason: has('"See #13" has no closing keyword'),
        suggestion: has('write "Fixes #13"'),
      },
      // The Azure DevOps tracker acts only when BuildEnvironment is exactly "Azure DevOps", and never
      // reads messages: AB#123 reaches no Azure DevOps work item (OctopusDeploy/Issues#10176).
      {
        id: "123",
        linkUrl: "",
        description: "123",
        source: "Azure DevOps",
        status: "ignored",
        reason: has('this one is "GitHub Actions"'),
        suggestion: has("Azure DevOps pipeline"),
      },
    ]);
  });
});

describe("near misses", () => {
  const record = (...comments: string[]): BuildInformation => ({
    BuildEnvironment: "Jenkins",
    VcsType: "Git",
    VcsRoot: "https://github.com/acme/shop",
    Commits: comments.map((Comment, index) => ({ Id: `c${index}`, Comment })),
  });
  const trackers: IssueTrackers = {
    github: { baseUrl: "https://github.com" },
    jira: { baseUrl: "https://acme.atlassian.net" },
  };
  const workItems = (...comments: string[]) => mapBuildInformation(record(...comments), trackers).workItems;

  it("explains two spaces, and no space, after a closing keyword", () => {
    // \s matches exactly one character, so "Fixes  #3" and "Fixes:#4" are not read.
    expect(workItems("Fixes  #3", "Fixes:#4")).toEqual([
      expect.objectContaining({
        id: "3",
        status: "ignored",
        reason: has("more than one space"),
        suggestion: 'Write "Fixes #3".',
      }),
      expect.objectContaining({
        id: "4",
        status: "ignored",
        reason: has('no space after "Fixes:"'),
        suggestion: 'Write "Fixes #4".',
      }),
    ]);
  });

  it("gives GH-12 the link Octopus builds, which 404s", () => {
    // Link data "GH-12" has no "#": split gives ["GH-12"], "issues" goes after it, under the base URL.
    // GH-12 also has a Jira key's shape, so the Jira tracker asks Jira for it.
    expect(workItems("Resolves GH-12")).toEqual([
      expect.objectContaining({
        id: "GH-12",
        source: "Jira",
        status: "unconfirmed",
        reason: has("GitHub's spelling"),
      }),
      expect.objectContaining({
        id: "12",
        linkUrl: "https://github.com/GH-12/issues",
        status: "linked",
        reason: has("OctopusDeploy/Issues#10186"),
        suggestion: 'Write "Fixes #12".',
      }),
    ]);
  });

  it("explains a lower-case Jira key, which Octopus reads and links as written", () => {
    // The Jira pattern ignores case; the link uses the key as parsed; Distinct is ordinal, so both
    // spellings stay.
    expect(workItems("ACME-7 cache", "acme-7 follow-up")).toEqual([
      expect.objectContaining({ id: "ACME-7", status: "unconfirmed" }),
      expect.objectContaining({
        id: "acme-7",
        linkUrl: "https://acme.atlassian.net/browse/acme-7",
        status: "unconfirmed",
        reason: has("ACME-7 is written too, so Octopus lists the issue twice"),
        suggestion: "Write ACME-7, as Jira does.",
      }),
    ]);
  });

  it("explains a key inside a word, or followed by a letter", () => {
    // Case is ignored, so letters glued before a key are read as part of it: "fooACME-9" is one key,
    // which Jira will not find. The look-behind refuses a key right after a digit, "$" or "." (2ACME-10,
    // v1.ACME-11), the look-ahead one followed by a letter (ACME-12x).
    expect(workItems("see fooACME-9, 2ACME-10, v1.ACME-11 and ACME-12x")).toEqual([
      expect.objectContaining({
        id: "fooACME-9",
        linkUrl: "https://acme.atlassian.net/browse/fooACME-9",
        status: "unconfirmed",
        reason: has('ACME-9 is glued to "foo"'),
        suggestion: 'Put a space or a bracket before ACME-9: "foo [ACME-9]".',
      }),
      expect.objectContaining({ id: "ACME-10", status: "ignored", reason: has('follows "2"') }),
      expect.objectContaining({ id: "ACME-11", status: "ignored", reason: has('follows "."') }),
      expect.objectContaining({ id: "ACME-12", status: "ignored", reason: has('followed by "x"') }),
    ]);
  });

  it("drops a second GitHub issue with the same number, as WorkItemLink equality does", () => {
    // Work items are equal when their Ids are; both Ids are "5", so Distinct keeps the first.
    expect(workItems("Fixes #5", "Closes acme/lib#5")).toEqual([
      expect.objectContaining({
        id: "5",
        linkUrl: "https://github.com/acme/shop/issues/5",
        status: "linked",
      }),
      expect.objectContaining({
        id: "5",
        linkUrl: "",
        status: "ignored",
        reason: has("keeps one GitHub work item per number"),
      }),
    ]);
  });

  it("reads an issue URL only when its path before /issues/ has no digits or dashes", () => {
    // http[/A-Z:.]*/issues/ stops at the "-" of shop-2, and no other alternative matches there. (The Jira
    // pattern reads "shop-2" as a key; only the GitHub items are checked here.)
    const { workItems: gitHubOnly } = mapBuildInformation(
      record("Fixes https://github.com/acme/shop-2/issues/5"),
      {
        github: { baseUrl: "https://github.com" },
      },
    );
    expect(gitHubOnly.filter((item) => item.source === "GitHub")).toEqual([
      expect.objectContaining({ id: "5", status: "ignored", suggestion: 'Write "Fixes acme/shop-2#5".' }),
    ]);
  });
});

describe("trackers", () => {
  const build: BuildInformation = {
    BuildEnvironment: "Azure DevOps",
    BuildUrl: "https://dev.azure.com/acme/Shop/_build/results?buildId=88",
    VcsType: "Git",
    VcsRoot: "https://dev.azure.com/acme/Shop/_git/web",
    Commits: [{ Id: "c1", Comment: "Fixes #3, SHOP-1" }],
  };

  it("lists nothing for a tracker that is not configured, and says so", () => {
    expect(mapBuildInformation(build).workItems).toEqual([
      expect.objectContaining({
        id: "SHOP-1",
        source: "Jira",
        status: "ignored",
        reason: has("No Jira issue tracker is configured"),
      }),
      expect.objectContaining({
        id: "3",
        source: "GitHub",
        status: "ignored",
        reason: has("No GitHub issue tracker is configured"),
      }),
    ]);
  });

  it("skips GitHub references for an Azure Repos root, and lists the build's Azure DevOps work items", () => {
    const trackers: IssueTrackers = {
      github: { baseUrl: "https://github.com" },
      azureDevOps: { buildWorkItems: [{ id: 812, title: "Cache prices", commentCount: 0 }, { id: 9 }] },
    };
    // "/_git/" in VcsRoot: the GitHub tracker returns nothing. Azure DevOps: {project}/_workitems?_a=edit&id=N;
    // the title describes an item, its id one whose details could not be read.
    expect(mapBuildInformation(build, trackers).workItems).toEqual([
      expect.objectContaining({ id: "SHOP-1", source: "Jira", status: "ignored" }),
      expect.objectContaining({
        id: "3",
        source: "GitHub",
        status: "ignored",
        reason: has("Azure Repos URL"),
      }),
      {
        id: "812",
        linkUrl: "https://dev.azure.com/acme/Shop/_workitems?_a=edit&id=812",
        description: "Cache prices",
        source: "Azure DevOps",
        status: "linked",
      },
      expect.objectContaining({
        id: "9",
        description: "9",
        linkUrl: "https://dev.azure.com/acme/Shop/_workitems?_a=edit&id=9",
      }),
    ]);
  });

  it("confirms Jira keys from Jira's answer, and drops the keys it does not return", () => {
    const record: BuildInformation = {
      BuildEnvironment: "Jenkins",
      VcsType: "Git",
      Commits: [{ Id: "c1", Comment: "SHOP-1 and SHOP-2" }],
    };
    const jira = {
      baseUrl: "https://acme.atlassian.net",
      issues: [{ key: "SHOP-1", summary: "Cache prices" }],
    };
    expect(mapBuildInformation(record, { jira }).workItems).toEqual([
      {
        id: "SHOP-1",
        linkUrl: "https://acme.atlassian.net/browse/SHOP-1",
        description: "Cache prices",
        source: "Jira",
        status: "linked",
      },
      expect.objectContaining({ id: "SHOP-2", status: "ignored", reason: has("Jira did not return SHOP-2") }),
    ]);
  });
});
