// `preview --format html` in a real browser (Debian's Chromium, driven by playwright-core): the page made
// from hostile commit messages and a hostile template shows them as text, runs no script and asks the
// network for nothing.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { TempGitRepo } from "@buildinfo/testing";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { ensureSystemTools } from "./support/ensure-system-tools";
import { createReferencesRepo } from "./support/octopus-references-repo";

const script = "<script>window.pwned = 'script'</script>";
const image = "<img src=https://tracker.example/pixel.png onerror=\"window.pwned = 'onerror'\">";

let repo: TempGitRepo;
let scratch: string;
let browser: Browser;

beforeAll(async () => {
  ensureSystemTools("chromium");
  repo = await createReferencesRepo();
  repo.commit(
    `Fixes #15 ${script} ${image}\n\n![badge](https://tracker.example/badge.svg) [x](javascript:window.pwned='link')`,
    {
      "f.txt": "6",
    },
  );
  scratch = mkdtempSync(join(tmpdir(), "buildinfo-page-"));
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
}, 15 * 60_000);
afterAll(async () => {
  await browser?.close();
  await repo?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe("the preview page in Chromium", () => {
  it("shows hostile text as text, runs no script and loads nothing", async () => {
    const template = join(scratch, "notes.md");
    writeFileSync(
      template,
      `#{each p in Octopus.Release.Package}#{each c in p.Commits}\n- #{c.Comment}\n#{/each}#{/each}\n\n${script}\n${image}\n`,
    );
    const result = await runCli(
      [
        "preview",
        "--package-id",
        "Acme.Web",
        "--version",
        "1.2.3",
        "--github-base-url",
        "https://github.com",
      ].concat(["--template", template, "--format", "html"]),
      { cwd: repo.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const file = join(scratch, "preview.html");
    writeFileSync(file, result.stdout);

    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (request) => {
      if (request.url() !== pathToFileURL(file).href) requested.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    for (const link of await page.locator("a").all()) {
      const href = await link.getAttribute("href");
      expect(href, "only http(s) links").toMatch(/^https?:\/\//);
    }
    await page.mouse.move(10, 10);
    expect(await page.evaluate(() => (globalThis as { pwned?: string }).pwned)).toBeUndefined();
    expect(requested).toEqual([]);
    const text = (await page.locator("main").textContent()) ?? "";
    // The commit message and the template's own markup are on the page as the text they are.
    expect(text).toContain(script);
    expect(text).toContain("<img src=https://tracker.example/pixel.png");
    expect(await page.locator("script, img, iframe, object, embed").count()).toBe(0);
    // The record view and the notes are both there.
    expect(text).toContain("not linked");
    expect(await page.locator("section.record h2").first().textContent()).toBe("Acme.Web 1.2.3");
    expect(await page.locator(".notes").count()).toBe(1);
    await page.screenshot({
      path: process.env.PREVIEW_SCREENSHOT ?? join(scratch, "preview.png"),
      fullPage: true,
    });
  });
});
