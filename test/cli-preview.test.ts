// `buildinfo preview` through the real CLI, on a real checkout whose commits reference work items in each
// way Octopus's trackers read or pass over (test/support/octopus-references-repo.ts), and against the local
// server for what it reads there. The expected statuses, links and reasons are Octopus's rules as
// docs/reference/octopus-work-items.md restates them; the expected notes are Octopus's documented template
// rendered by hand.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import type { TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { createReferencesRepo } from "./support/octopus-references-repo";
import { releaseResources } from "./support/octopus-release-resources";

// https://octopus.com/docs/releases/release-notes, "Example templates": the packages and their work items.
const docsTemplate = `Here are the notes for the packages
#{each package in Octopus.Release.Package}
- #{package.PackageId} #{package.Version}
#{each workItem in package.WorkItems}
    - [#{workItem.Id}](#{workItem.LinkUrl}) - #{workItem.Description}
#{/each}
#{/each}
`;

const trackers = ["--github-base-url", "https://github.com", "--jira-base-url", "https://acme.atlassian.net"];

let repo: TempGitRepo;
let scratch: string;
let templateFile: string;
const preview = (args: string[], env: Record<string, string> = {}) =>
  runCli(["preview", "--package-id", "Acme.Web", "--version", "1.2.3", "--build-number", "57", ...args], {
    cwd: repo.dir,
    env,
  });

beforeAll(async () => {
  repo = await createReferencesRepo();
  scratch = mkdtempSync(join(tmpdir(), "buildinfo-preview-"));
  templateFile = join(scratch, "release-notes.md");
  writeFileSync(templateFile, docsTemplate);
});
afterAll(async () => {
  await repo.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe("buildinfo preview on a checkout", () => {
  it("shows each reference with the status, link and reason Octopus's rules give it", async () => {
    const result = await preview(trackers);
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    const [fixes12, see13, acme42, ab123, hotfix14] = repo.shas;
    expect(out).toContain(
      "Issue trackers (from the command line): GitHub https://github.com, Jira https://acme.atlassian.net",
    );
    expect(out).toContain(`VcsCommitUrl  https://github.com/acme/shop/commit/${hotfix14}`);
    expect(out).toContain(`${see13!.slice(0, 10)}  https://github.com/acme/shop/commit/${see13}  See #13`);
    expect(out).toMatch(
      /unconfirmed +Jira +ACME-42 +https:\/\/acme\.atlassian\.net\/browse\/ACME-42\n +why: Octopus lists a Jira key only when its Jira connection finds the issue/,
    );
    expect(out).toMatch(/linked +GitHub +12 +https:\/\/github\.com\/acme\/shop\/issues\/12\n/);
    expect(out).toMatch(
      /linked +GitHub +14 +https:\/\/github\.com\/acme\/shop\/issues\/14\n +why: .*"fix" inside "hotfix".*\n +instead: If this commit closes it, write "Fixes #14"/,
    );
    expect(out).toMatch(
      /linked +GitHub +123 +https:\/\/github\.com\/AB\/issues\/123\n +why: "AB#123" is Azure Boards syntax.*\n +instead: /,
    );
    expect(out).toMatch(
      /not linked +GitHub +13 +\(no link\)\n +why: "See #13" has no closing keyword.*\n +instead: If this commit closes it, write "Fixes #13"/,
    );
    expect([fixes12, acme42, ab123].every((sha) => out.includes(sha!))).toBe(true);
    // The log says what was read; stdout has the preview.
    expect(result.stderr).toContain("reading the local git checkout");
  });

  it("lists nothing without an issue tracker, and says why for each reference", async () => {
    const result = await preview(["--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    const { trackers: used, packages } = JSON.parse(result.stdout);
    expect(used).toEqual({ from: "none", github: null, jira: null, azureDevOps: false });
    const reasons = packages[0].workItems.map((item: { id: string; status: string; reason: string }) => [
      item.id,
      item.status,
      item.reason,
    ]);
    expect(reasons).toContainEqual([
      "ACME-42",
      "ignored",
      "No Jira issue tracker is configured, so Octopus lists no Jira issues.",
    ]);
    expect(reasons).toContainEqual([
      "12",
      "ignored",
      "No GitHub issue tracker is configured, so Octopus lists no GitHub issues.",
    ]);
  });

  it("renders Octopus's example template as Markdown: the notes alone on stdout", async () => {
    const result = await preview([...trackers, "--template", templateFile, "--format", "markdown"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "Here are the notes for the packages\n\n- Acme.Web 1.2.3\n\n" +
        "    - [ACME-42](https://acme.atlassian.net/browse/ACME-42) - ACME-42\n\n" +
        "    - [14](https://github.com/acme/shop/issues/14) - 14\n\n" +
        "    - [123](https://github.com/AB/issues/123) - 123\n\n" +
        "    - [12](https://github.com/acme/shop/issues/12) - 12\n\n\n",
    );
    expect(result.stderr).toContain("ACME-42, which Octopus lists only if its Jira connection finds it");
  });

  it("renders it as JSON with each package's links, work items and the notes", async () => {
    const result = await preview([
      ...trackers,
      "--template",
      templateFile,
      "--format",
      "json",
      "--package-id",
      "Acme.Api",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.packages.map((pkg: { packageId: string }) => pkg.packageId)).toEqual([
      "Acme.Web",
      "Acme.Api",
    ]);
    const [web] = document.packages;
    expect(web.vcsCommitUrl).toBe(`https://github.com/acme/shop/commit/${repo.shas[4]}`);
    expect(web.commits[0]).toEqual({
      id: repo.shas[4],
      linkUrl: `https://github.com/acme/shop/commit/${repo.shas[4]}`,
    });
    expect(web.workItems.find((item: { id: string }) => item.id === "13")).toEqual({
      id: "13",
      linkUrl: null,
      description: "13",
      source: "GitHub",
      status: "ignored",
      reason: expect.stringContaining('"See #13" has no closing keyword'),
      suggestion: expect.stringContaining('write "Fixes #13"'),
    });
    expect(document.releaseNotes).toContain("- Acme.Api 1.2.3\n");
    expect(document.diagnostics).toContainEqual(
      expect.objectContaining({ source: "preview", code: "note", line: null, column: null }),
    );
  });

  it("renders it as one self-contained HTML page: the record view and the notes as Octopus shows them", async () => {
    const result = await preview([...trackers, "--template", templateFile, "--format", "html"]);
    expect(result.code, result.stderr).toBe(0);
    const page = result.stdout;
    expect(page.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(page).toContain('<h2>Acme.Web <span class="version">1.2.3</span></h2>');
    expect(page).toContain(
      '<tr class="ignored"><td>13</td><td>GitHub</td><td><span class="status">not linked</span>',
    );
    // The notes as Markdown rendered to HTML: the indented work items are a list inside the package's item.
    expect(page).toContain(
      '<p>Acme.Web 1.2.3</p>\n<ul>\n<li>\n<p><a href="https://acme.atlassian.net/browse/ACME-42">ACME-42</a> - ACME-42</p>',
    );
    expect(page).not.toMatch(/<script|<link|\ssrc=/i);
  });

  it("keeps hostile commit messages and templates data: text in HTML, no log command in a build log", async () => {
    const file = join(scratch, "hostile.buildinfo");
    writeFileSync(
      file,
      JSON.stringify({
        BuildEnvironment: "Azure DevOps",
        VcsType: "Git",
        VcsRoot: "https://github.com/acme/shop",
        Commits: [
          {
            Id: "abc123",
            Comment:
              "Fixes #7 <script>alert(1)</script>\n##vso[task.setvariable variable=X]1\n::error::forged",
          },
        ],
      }),
    );
    const hostileTemplate = join(scratch, "hostile.md");
    writeFileSync(
      hostileTemplate,
      "#{each p in Octopus.Release.Package}#{each c in p.Commits}#{c.Comment}#{/each}#{/each}\n<img src=https://tracker.example/p.png>",
    );
    const html = await preview([
      "--file",
      file,
      "--github-base-url",
      "https://github.com",
      "--template",
      hostileTemplate,
      "--format",
      "html",
    ]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).not.toMatch(/<script|<img/i);
    expect(html.stdout).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const text = await preview(
      ["--file", file, "--github-base-url", "https://github.com", "--template", hostileTemplate],
      {
        TF_BUILD: "True",
      },
    );
    expect(text.code, text.stderr).toBe(0);
    // The logger's own ##vso commands may be there; the commit's is neutralised.
    expect(text.stdout).not.toContain("##vso[task.setvariable");
    expect(text.stdout).toContain("**vso[task.setvariable");
    expect(text.stdout).not.toMatch(/^::error/m);
  });

  it("refuses bad input before reading anything, exit 2", async () => {
    const cases: [string[], string][] = [
      [["--format", "pdf"], "--format must be one of text, markdown, html, json"],
      [
        ["--deployment-changes", "--project", "Shop"],
        "--deployment-changes needs --environment and --project",
      ],
      [["--project", "Shop"], "server"],
      [["--template", join(scratch, "missing.md")], "Template file"],
      [["--with-package", "Acme.Db"], '--with-package "Acme.Db" is not ID:VERSION'],
      [["--format", "markdown"], "there are none to render"],
    ];
    for (const [args, message] of cases) {
      const result = await preview(args);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
    }
  });
});

describe("buildinfo preview against the local server", () => {
  let server: LocalOctopusServer;
  const env = () => ({ OCTOPUS_URL: server.url, OCTOPUS_API_KEY: server.apiKey });

  beforeAll(async () => {
    server = await startOctopusServer({
      beforeRequest: releaseResources({
        configuration: {
          "issuetracker-github": { IsEnabled: true, BaseUrl: "https://github.com/", ReleaseNoteOptions: {} },
          "jira-integration": 403,
        },
        projects: [
          {
            Id: "Projects-1",
            Name: "Shop",
            ReleaseNotesTemplate: docsTemplate,
            releases: [
              {
                Id: "Releases-2",
                Version: "1.2.2",
                ReleaseNotes: "Faster checkout",
                BuildInformation: [
                  {
                    PackageId: "Acme.Web",
                    Version: "1.2.2",
                    Commits: [{ Id: "0c9d8e7", Comment: "Speed up checkout", LinkUrl: null }],
                    WorkItems: [
                      {
                        Id: "9",
                        LinkUrl: "https://github.com/acme/shop/issues/9",
                        Source: "GitHub",
                        Description: "Checkout is slow",
                      },
                    ],
                  },
                ],
              },
              { Id: "Releases-1", Version: "1.2.1", ReleaseNotes: "First", BuildInformation: [] },
            ],
          },
        ],
        environments: [{ Id: "Environments-1", Name: "Production" }],
        deployments: [
          {
            Id: "Deployments-1",
            ProjectId: "Projects-1",
            EnvironmentId: "Environments-1",
            ReleaseId: "Releases-1",
          },
        ],
      }),
    });
    // Another package of the release, pushed earlier.
    const db = await runCli(
      ["push", "--package-id", "Acme.Db", "--version", "4.5.6", "--build-number", "12"],
      { cwd: repo.dir, env: env() },
    );
    expect(db.code, db.stderr).toBe(0);
  });
  afterAll(() => server.close());

  it("takes the trackers from the server's settings, and says which it could not read", async () => {
    const result = await preview(["--format", "json"], env());
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.trackers).toEqual({
      from: "server",
      github: "https://github.com",
      jira: null,
      azureDevOps: false,
    });
    expect(document.diagnostics.map((d: { message: string }) => d.message)).toContainEqual(
      expect.stringContaining("The Jira tracker's settings could not be read (the server answered HTTP 403"),
    );
  });

  it("renders the project's own template over this build and the packages it stores, and writes nothing", async () => {
    const before = server.records().length;
    const writes = () => server.requests.filter((request) => request.method !== "GET").length;
    const writesBefore = writes();
    const result = await preview(
      [
        "--project",
        "Shop",
        "--with-package",
        "Acme.Db:4.5.6",
        "--with-package",
        "Acme.Worker:9.9.9",
        "--format",
        "markdown",
      ],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("- Acme.Web 1.2.3\n");
    expect(result.stdout).toContain("- Acme.Db 4.5.6\n");
    expect(result.stderr).toContain("no build information for Acme.Worker 9.9.9");
    expect(server.records()).toHaveLength(before);
    expect(writes()).toBe(writesBefore);
  });

  it("renders Octopus's default deployment changes over the releases a deployment to the environment brings", async () => {
    const result = await preview(
      ["--project", "Shop", "--deployment-changes", "--environment", "Production", "--format", "markdown"],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "\n**Release 1.2.2**\n\nFaster checkout\n\n- [9](https://github.com/acme/shop/issues/9) - Checkout is slow\n\n" +
        "\n**Release 1.2.3**\n\nHere are the notes for the packages\n\n- Acme.Web 1.2.3\n\n" +
        "    - [14](https://github.com/acme/shop/issues/14) - 14\n\n" +
        "    - [123](https://github.com/AB/issues/123) - 123\n\n" +
        "    - [12](https://github.com/acme/shop/issues/12) - 12\n\n\n\n" +
        "\n- [14](https://github.com/acme/shop/issues/14) - 14\n\n" +
        "- [123](https://github.com/AB/issues/123) - 123\n\n" +
        "- [12](https://github.com/acme/shop/issues/12) - 12\n\n",
    );
    expect(result.stderr).toContain(
      "Production last had 1.2.1 deployed: the deployment brings 1.2.2, 1.2.3.",
    );
  });

  it("names a project the server does not have, exit 2", async () => {
    const result = await preview(["--project", "Shopp"], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no project named "Shopp"');
    expect(result.stderr).toContain("code=E_PROJECT_NOT_FOUND");
  });
});
