import { type Node, Parser } from "commonmark";
import { describe, expect, it } from "vitest";
import { renderStepSummary } from "../src/step-summary";

const buildInformation = {
  BuildEnvironment: "GitHub Actions",
  BuildNumber: "57",
  BuildUrl: "https://github.com/acme/shop/actions/runs/9512388204",
  Branch: "feature/a|b",
  VcsType: "Git" as const,
  VcsRoot: "https://github.com/acme/shop",
  VcsCommitNumber: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
  Commits: [
    { Id: "6113728f27ae82c7b1a177c8d03f9e96e0adf246", Comment: "SHOP-1 <b>bold</b> | pipe\n\nbody" },
    { Id: "7638417db6d59f3c431d3e1f261cc637155684cd", Comment: "Second" },
  ],
};

describe("renderStepSummary", () => {
  it("renders a package table and the build information, cells escaped", () => {
    const markdown = renderStepSummary({
      buildInformation,
      packages: [
        {
          packageId: "Shop.Web",
          version: "1.4.0",
          outcome: "created",
          link: "https://octopus.example.com/app#/r/1",
        },
        { packageId: "Shop.Api", version: "1.4.0", outcome: "failed", message: "HTTP 409 already exists" },
      ],
    });
    expect(markdown).toBe(
      [
        "### Octopus build information",
        "",
        "| Package | Version | Result |",
        "| --- | --- | --- |",
        "| [Shop.Web](https://octopus.example.com/app#/r/1) | 1.4.0 | created |",
        "| Shop.Api | 1.4.0 | failed: HTTP 409 already exists |",
        "",
        "| Field | Value |",
        "| --- | --- |",
        "| Build | [57](https://github.com/acme/shop/actions/runs/9512388204) |",
        "| Branch | feature/a\\|b |",
        "| VCS | Git https://github.com/acme/shop |",
        "| Commit | `6113728f27ae82c7b1a177c8d03f9e96e0adf246` |",
        "| Commits | 2 |",
        "",
        "<details><summary>2 commit(s)</summary>",
        "",
        "- `6113728f27ae` SHOP-1 &lt;b&gt;bold&lt;/b&gt; \\| pipe",
        "- `7638417db6d5` Second",
        "",
        "</details>",
        "",
      ].join("\n"),
    );
  });

  it("states a failure before anything was collected and lists the packages as not pushed", () => {
    const markdown = renderStepSummary({
      packages: [{ packageId: "Shop.Web", version: "1.4.0" }],
      error: "Collecting the build information failed (exit 2); nothing was pushed.",
    });
    expect(markdown).toContain(
      "> [!CAUTION]\n> Collecting the build information failed (exit 2); nothing was pushed.",
    );
    expect(markdown).toContain("| Shop.Web | 1.4.0 | not pushed |");
    expect(markdown).not.toContain("| Field | Value |");
  });

  it("lists at most maxCommits commits", () => {
    const markdown = renderStepSummary({ buildInformation, packages: [], maxCommits: 1 });
    expect(markdown).toContain("- … and 1 more");
    expect(markdown).not.toContain("Second");
  });

  it("keeps commit messages and server answers from adding links, images or table cells", () => {
    const markdown = renderStepSummary({
      buildInformation: {
        ...buildInformation,
        Commits: [
          {
            Id: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
            Comment: "[Approve](https://evil.example) ![x](https://evil.example/t.png) `code`",
          },
        ],
      },
      packages: [
        {
          packageId: "Shop.Web",
          version: "1.4.0",
          outcome: "created",
          // The record id comes from the server's answer.
          link: "https://octopus.example.com/app#/Spaces-1/library/buildinformation/x) | ![t](https://evil.example/p.png",
        },
        { packageId: "Shop.Api", version: "1.4.0", outcome: "created", link: "javascript:alert(1)" },
      ],
    });
    expect(markdown).toContain(
      "- `6113728f27ae` \\[Approve\\](https://evil.example) !\\[x\\](https://evil.example/t.png) \\`code\\`",
    );
    expect(markdown).toContain(
      "| [Shop.Web](https://octopus.example.com/app#/Spaces-1/library/buildinformation/x%29%20%7C%20!%5Bt%5D%28https://evil.example/p.png) | 1.4.0 | created |",
    );
    expect(markdown).toContain("| Shop.Api | 1.4.0 | created |");
  });
});

// The oracle is commonmark.js, CommonMark's reference implementation (GitHub renders job summaries with
// cmark-gfm, which follows the same spec for line endings and blocks): whatever a commit message or a
// server answer holds, the rendered summary has only the headings, links and HTML the action writes.
describe("renderStepSummary under a CommonMark renderer", () => {
  const terminators = {
    "lone CR": "\r",
    LF: "\n",
    CRLF: "\r\n",
    "U+2028": "\u2028",
    "U+2029": "\u2029",
    NEL: "\u0085",
    VT: "\v",
    FF: "\f",
  };
  const smuggled = (end: string) =>
    `Harmless title${end}# Approve [now](https://evil.example/a)${end}<img src=https://evil.example/p.png>` +
    `${end}[ref]: https://evil.example/r${end}> quoted`;

  function blocksAndInlines(markdown: string) {
    const found = { headings: [] as string[], links: [] as string[], images: 0, html: [] as string[] };
    const walker = new Parser().parse(markdown).walker();
    for (let event = walker.next(); event; event = walker.next()) {
      if (!event.entering) continue;
      const node = event.node;
      if (node.type === "heading") found.headings.push(textOf(node));
      if (node.type === "link") found.links.push(node.destination ?? "");
      if (node.type === "image") found.images++;
      if (node.type === "html_block" || node.type === "html_inline")
        found.html.push((node.literal ?? "").trim());
    }
    return found;
  }

  function textOf(node: Node): string {
    let text = "";
    const walker = node.walker();
    for (let event = walker.next(); event; event = walker.next())
      if (event.entering && event.node.literal) text += event.node.literal;
    return text;
  }

  for (const [name, end] of Object.entries(terminators)) {
    it(`keeps a ${name} in a commit message, a branch, a server message and an error from adding blocks`, () => {
      const markdown = renderStepSummary({
        buildInformation: {
          ...buildInformation,
          Branch: `main${end}# Branch heading`,
          VcsCommitNumber: `6113728f${end}# Commit heading`,
          Commits: [{ Id: "6113728f27ae82c7b1a177c8d03f9e96e0adf246", Comment: smuggled(end) }],
        },
        packages: [
          {
            packageId: `Shop.Web${end}# Package heading`,
            version: "1.4.0",
            outcome: "failed",
            message: smuggled(end),
            link: `https://octopus.example.com/app#/r/1${end}# Link heading`,
          },
        ],
        error: smuggled(end),
      });

      const rendered = blocksAndInlines(markdown);
      expect(rendered.headings).toEqual(["Octopus build information"]);
      expect(rendered.links).toEqual([
        `https://octopus.example.com/app#/r/1${encodeURI(end)}#%20Link%20heading`,
        buildInformation.BuildUrl,
      ]);
      expect(rendered.images).toBe(0);
      expect(rendered.html).toEqual(["<details><summary>1 commit(s)</summary>", "</details>"]);
      // Each of the action's own lines is one line to any reader: no terminator is left inside one.
      for (const line of markdown.split("\n")) expect(line).not.toMatch(/[\r\v\f\u0085\u2028\u2029]/);
      expect(markdown).toContain("Harmless title # Approve \\[now\\](https://evil.example/a)");
    });
  }
});
