// The preview page and record view: untrusted values (commit messages, work-item links, template output)
// stay text, links are only http(s), and the page loads nothing and runs nothing.

import { describe, expect, it } from "vitest";
import { previewPageHtml, type RecordView, recordViewHtml, releasesADeploymentBrings } from "../src/index";

const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`;

const record: RecordView = {
  packageId: `Acme.Web${hostile}`,
  version: "1.2.3",
  buildNumber: "57",
  buildUrl: "javascript:alert(3)",
  vcsRoot: "https://github.com/acme/shop",
  vcsCommitNumber: "a1b2c3d4e5f6a7b8",
  vcsCommitUrl: "https://github.com/acme/shop/commit/a1b2c3d4e5f6a7b8",
  commits: [
    {
      id: "a1b2c3d4e5f6a7b8",
      comment: `Fixes #12 ${hostile}`,
      linkUrl: "https://github.com/acme/shop/commit/a1b2c3d4e5f6a7b8",
    },
  ],
  workItems: [
    {
      id: "12",
      linkUrl: "https://github.com/acme/shop/issues/12",
      description: "12",
      source: "GitHub",
      status: "linked",
    },
    {
      id: `ACME-42${hostile}`,
      linkUrl: `https://acme.atlassian.net/browse/ACME-42"onmouseover="alert(4)`,
      description: hostile,
      source: "Jira",
      status: "ignored",
      reason: hostile,
      suggestion: hostile,
    },
  ],
};

/** Every tag of the page with its attribute names: escaped text has no `<`, so it cannot form one. */
function tags(html: string): { name: string; attributes: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/g)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: [...match[2]!.matchAll(/([\w-]+)(?:="[^"]*")?/g)].map((attribute) =>
      attribute[1]!.toLowerCase(),
    ),
  }));
}

const allowedTags = [
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "main",
  "h1",
  "h2",
  "h3",
  "section",
  "table",
  "tr",
  "th",
  "td",
  "span",
  "div",
  "ul",
  "li",
  "a",
  "code",
  "p",
  "strong",
  "em",
];
const allowedAttributes = ["lang", "charset", "http-equiv", "content", "name", "class", "href", "rel"];

describe("the preview page", () => {
  const page = previewPageHtml({
    title: `Preview ${hostile}`,
    records: [record],
    notes: [
      {
        heading: "Release notes",
        markdown: `- [#12](https://github.com/acme/shop/issues/12) ${hostile}\n\n![x](https://tracker.example/p.png) [y](javascript:alert(5))`,
      },
    ],
    diagnostics: [hostile],
  });

  it("escapes every value, so no commit message, link or template output becomes markup", () => {
    expect(tags(page).map((tag) => tag.name)).toEqual(
      expect.arrayContaining(["section", "table", "a", "ul"]),
    );
    for (const tag of tags(page)) {
      expect(allowedTags).toContain(tag.name);
      for (const attribute of tag.attributes) expect(allowedAttributes).toContain(attribute);
    }
    expect(page).not.toMatch(/href="(?!https?:\/\/)/);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain(
      'href="https://acme.atlassian.net/browse/ACME-42&quot;onmouseover=&quot;alert(4)"',
    );
    // A link that is not http(s) is shown, not linked.
    expect(page).toContain("57 (javascript:alert(3))");
  });

  it("loads nothing from the network and runs no script: no src, no stylesheet link, a policy that forbids both", () => {
    expect(tags(page).filter((tag) => tag.attributes.includes("src") || tag.name === "link")).toEqual([]);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(page).toContain('<a href="https://tracker.example/p.png">x</a>');
  });

  it("shows each work item with its tracker, status and why", () => {
    const html = recordViewHtml(record);
    expect(html).toContain(
      '<tr class="linked"><td><a href="https://github.com/acme/shop/issues/12" rel="noreferrer noopener">12</a></td><td>GitHub</td><td><span class="status">linked</span>',
    );
    expect(html).toContain('<tr class="ignored">');
    expect(html).toContain('<span class="status">not linked</span>');
    expect(html).toContain("<h3>Commits (1)</h3>");
  });
});

describe("releasesADeploymentBrings", () => {
  // Octopus's docs, "Release notes accumulation" (docs/reference/octopus-release-notes.md): releases 1.0.0
  // to 1.0.3; Development has 1.0.2, Staging 1.0.1, Production 1.0.0.
  const releases = ["1.0.3", "1.0.2", "1.0.1", "1.0.0"].map((Version) => ({ Version }));
  const deploying = { Version: "1.0.3" };
  const versions = (list: { Version: string }[]) => list.map((release) => release.Version);

  it("brings every release above the one last deployed there, up to the one deployed, oldest first", () => {
    expect(versions(releasesADeploymentBrings(deploying, releases, { Version: "1.0.2" }))).toEqual(["1.0.3"]);
    expect(versions(releasesADeploymentBrings(deploying, releases, { Version: "1.0.1" }))).toEqual([
      "1.0.2",
      "1.0.3",
    ]);
    expect(versions(releasesADeploymentBrings(deploying, releases, { Version: "1.0.0" }))).toEqual([
      "1.0.1",
      "1.0.2",
      "1.0.3",
    ]);
  });

  it("goes by version, not by date: after a rollback to 1.0.0 the next deployment brings 1.0.1 again", () => {
    expect(versions(releasesADeploymentBrings({ Version: "1.0.2" }, releases, { Version: "1.0.0" }))).toEqual(
      ["1.0.1", "1.0.2"],
    );
  });

  it("brings only itself for a pre-release, and leaves pre-releases out of a full release's changes", () => {
    const withPre = [{ Version: "1.1.0-beta.2" }, { Version: "1.1.0-beta.1" }, ...releases];
    expect(
      versions(releasesADeploymentBrings({ Version: "1.1.0-beta.3" }, withPre, { Version: "1.0.0" })),
    ).toEqual(["1.1.0-beta.3"]);
    expect(versions(releasesADeploymentBrings({ Version: "1.1.0" }, withPre, { Version: "1.0.2" }))).toEqual([
      "1.0.3",
      "1.1.0",
    ]);
  });

  it("brings every earlier full release to an environment never deployed to, and the release itself when it is older than what is there", () => {
    expect(versions(releasesADeploymentBrings(deploying, releases, undefined))).toEqual([
      "1.0.0",
      "1.0.1",
      "1.0.2",
      "1.0.3",
    ]);
    expect(versions(releasesADeploymentBrings({ Version: "1.0.1" }, releases, { Version: "1.0.3" }))).toEqual(
      ["1.0.1"],
    );
  });
});
