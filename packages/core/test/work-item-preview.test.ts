import { describe, expect, it } from "vitest";
import type { BuildInformation } from "../src/index";
import { previewWorkItems, summarizeWorkItems } from "../src/index";

const build: BuildInformation = {
  BuildEnvironment: "Jenkins",
  VcsType: "Git",
  VcsRoot: "git@github.com:acme/shop-web.git",
  Commits: [
    { Id: "c3", Comment: "SHOP-12 cache prices\n\nFixes #41" },
    { Id: "c2", Comment: "shop-12 follow-up, closes: acme/lib#7" },
    { Id: "c1", Comment: "see #5, Resolved GH-9, fixed https://github.com/o/r/issues/3 and fixes #41" },
  ],
};

describe("previewWorkItems", () => {
  it("lists Jira keys (GH-9 too, as the server's regex does) and GitHub closing references", () => {
    expect(
      previewWorkItems(build, {
        jiraBaseUrl: "https://acme.atlassian.net/",
        githubBaseUrl: "https://github.com",
      }),
    ).toEqual([
      {
        Id: "SHOP-12",
        Source: "Jira",
        Description: "SHOP-12",
        LinkUrl: "https://acme.atlassian.net/browse/SHOP-12",
        CommitIds: ["c3", "c2"],
        Note: "Octopus keeps the key only if it exists in Jira.",
      },
      {
        Id: "GH-9",
        Source: "Jira",
        Description: "GH-9",
        LinkUrl: "https://acme.atlassian.net/browse/GH-9",
        CommitIds: ["c1"],
        Note: "Octopus keeps the key only if it exists in Jira.",
      },
      {
        Id: "41",
        Source: "GitHub",
        Description: "41",
        LinkUrl: "https://github.com/acme/shop-web/issues/41",
        CommitIds: ["c3", "c1"],
      },
      {
        Id: "7",
        Source: "GitHub",
        Description: "7",
        LinkUrl: "https://github.com/acme/lib/issues/7",
        CommitIds: ["c2"],
      },
      {
        Id: "9",
        Source: "GitHub",
        Description: "9",
        LinkUrl: "https://github.com/acme/shop-web/issues/9",
        CommitIds: ["c1"],
        Note: "Octopus links GH-9 as {GitHub base URL}/GH-9/issues.",
      },
      {
        Id: "3",
        Source: "GitHub",
        Description: "3",
        LinkUrl: "https://github.com/o/r/issues/3",
        CommitIds: ["c1"],
      },
    ]);
  });

  it("shows Jira candidates without a link when no Jira URL is configured", () => {
    const jira = previewWorkItems(build).filter((item) => item.Source === "Jira");
    expect(jira).toEqual([
      expect.objectContaining({ Id: "SHOP-12", CommitIds: ["c3", "c2"] }),
      expect.objectContaining({ Id: "GH-9", CommitIds: ["c1"] }),
    ]);
    expect(jira[0]!.LinkUrl).toBeUndefined();
  });

  it("skips GitHub references for Azure Repos roots, as the tracker does", () => {
    const items = previewWorkItems({ ...build, VcsRoot: "https://dev.azure.com/acme/Shop/_git/web" });
    expect(items.map((item) => item.Source)).toEqual(["Jira", "Jira"]);
  });

  it("guesses Azure DevOps work items from #N only for Azure DevOps builds", () => {
    const azure: BuildInformation = {
      BuildEnvironment: "Azure DevOps",
      BuildUrl: "https://dev.azure.com/acme/Shop/_build/results?buildId=88120",
      VcsType: "Git",
      VcsRoot: "https://dev.azure.com/acme/Shop/_git/web",
      Commits: [{ Id: "c1", Comment: "Price cache #812 and acme/x#3" }],
    };
    expect(previewWorkItems(azure)).toEqual([
      {
        Id: "812",
        Source: "Azure DevOps",
        Description: "812",
        LinkUrl: "https://dev.azure.com/acme/Shop/_workitems?_a=edit&id=812",
        CommitIds: ["c1"],
        Note: "A guess from the commit message: Octopus lists the work items Azure DevOps links to build 88120.",
      },
    ]);
    expect(previewWorkItems({ ...azure, BuildEnvironment: "azure devops" })).toEqual([]);
  });

  it("gives nothing for commits without references", () => {
    expect(previewWorkItems({ ...build, Commits: [{ Id: "a", Comment: "Tidy logging" }] })).toEqual([]);
    expect(previewWorkItems({ ...build, Commits: [] })).toEqual([]);
  });
});

describe("summarizeWorkItems", () => {
  // Several trackers, repeated keys in other spellings, and more distinct items than the limits below.
  const long: BuildInformation = {
    ...build,
    Commits: Array.from({ length: 40 }, (_, index) => ({
      Id: `c${index}`,
      Comment: `SHOP-${index % 13} and shop-${index % 7}: fixes #${index % 11}, closes acme/lib#${index % 5}`,
    })),
  };

  it("gives the first items of previewWorkItems, and counts them all unless Jira alone settles them", () => {
    const all = previewWorkItems(long, { githubBaseUrl: "https://github.com" });
    const jiraKeys = all.filter((item) => item.Source === "Jira").length;
    expect(jiraKeys).toBe(13);
    for (const limit of [13, 14, 20, all.length, all.length + 3]) {
      const summary = summarizeWorkItems(long, limit, { githubBaseUrl: "https://github.com" });
      expect(summary.items).toEqual(all.slice(0, limit));
      expect(summary.total).toBe(all.length);
    }
    for (const limit of [0, 1, 5, 12]) {
      const summary = summarizeWorkItems(long, limit, { githubBaseUrl: "https://github.com" });
      const label = (item: { Id: string; Source: string }) => `${item.Id} ${item.Source}`;
      expect(summary.items.map(label)).toEqual(all.slice(0, limit).map(label));
      expect(summary.total).toBeUndefined();
    }
  });
});
