// The docs' own download-and-verify lines, run as a user runs them: every shell snippet of the README and
// docs/ that downloads from a release, cut after its last `sha256sum` line, with the release page's
// address replaced by release/ served on a loopback HTTP server (as a release page serves it: every file
// by its name at one level). Each must download its files and see every one verified. PowerShell and
// cmd.exe snippets are left to release-binaries.test.ts, which checks the names they download.
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProcess } from "../packages/cli/test/helpers/run-cli";
import { ensureRelease } from "./support/release-build";
import { repoRoot } from "./support/workspace-files";

const releasePage =
  /https:\/\/github\.com\/buildinfo\/buildinfo\/releases\/(?:latest\/download|download\/v[^/\s"]+)/g;

interface Snippet {
  page: string;
  lines: string[];
}

/** The shell lines of each fenced block that downloads from a release, from its download to its last check. */
function downloadSnippets(): Snippet[] {
  const pages = ["README.md", ...readdirSync(join(repoRoot, "docs")).map((name) => `docs/${name}`)];
  return pages
    .filter((page) => page.endsWith(".md"))
    .flatMap((page) =>
      readFileSync(join(repoRoot, page), "utf8")
        .split("```")
        .filter((_, index) => index % 2 === 1)
        .filter((block) => block.match(releasePage) !== null && block.includes("sha256sum"))
        .map((block) => {
          // YAML blocks hold the lines in `run: |` or as `- ` items; strip the indentation and the dash.
          const lines = block
            .split("\n")
            .slice(1)
            .map((line) => line.trim().replace(/^- /, ""))
            .filter((line) => line !== "" && !line.endsWith(":") && !/^[\w-]+: /.test(line));
          // From the first line that names the release page (or sets `base=` to it) to the last check.
          const first = lines.findIndex((line) => line.match(releasePage) !== null);
          const last = lines.findLastIndex((line) => line.includes("sha256sum"));
          return { page, lines: lines.slice(first, last + 1) };
        }),
    );
}

describe("the docs' release download and verify lines", () => {
  let release: string;
  let server: Server;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    release = ensureRelease();
    server = createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname.slice(1));
      const file = join(release, name);
      if (name.includes("/") || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/octet-stream" });
      createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), "buildinfo-docs-downloads-"));
  }, 15 * 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("finds the snippets: the README's, and the build servers' and wrappers' pages'", () => {
    const pages = new Set(downloadSnippets().map((snippet) => snippet.page));
    expect([...pages]).toEqual(
      expect.arrayContaining([
        "README.md",
        "docs/jenkins.md",
        "docs/teamcity.md",
        "docs/bamboo.md",
        "docs/azure-devops.md",
        "docs/github-actions.md",
        "docs/gitlab.md",
      ]),
    );
  });

  it("downloads each snippet's files into an empty folder and verifies every one of them", {
    timeout: 300_000,
  }, async () => {
    const snippets = downloadSnippets();
    for (const [index, snippet] of snippets.entries()) {
      const script = snippet.lines.join("\n").replace(releasePage, base);
      const cwd = await mkdtemp(join(dir, `${index}-`));
      const run = await runProcess("sh", ["-euc", script], { cwd });
      const where = `${snippet.page}:\n${script}\n${run.stdout}${run.stderr}`;
      expect(run.code, where).toBe(0);
      const downloaded = [...script.matchAll(/\$base\/([\w.-]+)|127\.0\.0\.1:\d+\/([\w.-]+)/g)]
        .map((match) => (match[1] ?? match[2]) as string)
        .filter((name) => name !== "SHA256SUMS");
      expect(downloaded.length, where).toBeGreaterThan(0);
      for (const name of downloaded)
        expect(run.stdout, where).toMatch(new RegExp(`^(${name}: )?OK$|^-: OK$`, "m"));
    }
  });
});
