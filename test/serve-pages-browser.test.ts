// The pages of `buildinfo serve` in a real browser (Debian's Chromium, driven by playwright-core): the link the
// CLI prints after a real push opens the record, the list filters and pages, a template renders, a
// deployment's changes preview; hostile commit messages, branches and templates run nothing and load
// nothing; the keyboard reaches every control; axe finds no serious violation. Each page's screenshot is
// written to test-artifacts/pages/ (PAGES_SCREENSHOTS=dir writes them elsewhere, e.g. docs/images).

import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type Created, octopusScenario, type TempGitRepo } from "@buildinfo/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";
import { ensureSystemTools } from "./support/ensure-system-tools";
import { externalAddress } from "./support/external-address";
import { createReferencesRepo } from "./support/octopus-references-repo";
import { type ServeProcess, startServeProcess } from "./support/serve-process";
import { repoRoot } from "./support/workspace-files";

const apiKey = "API-PAGESBROWSERTEST0000000000";
const script = "<script>window.pwned = 'script'</script>";
const image = "<img src=https://tracker.example/pixel.png onerror=\"window.pwned = 'onerror'\">";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const screenshots = process.env.PAGES_SCREENSHOTS ?? join(repoRoot, "test-artifacts", "pages");

let repo: TempGitRepo;
let serve: ServeProcess;
let browser: Browser;
let printedLink: string;
let production: Created;

beforeAll(async () => {
  ensureSystemTools("chromium");
  mkdirSync(screenshots, { recursive: true });
  serve = await startServeProcess(["--api-key", apiKey, "--github-base-url", "https://github.com"]);
  repo = await createReferencesRepo();
  repo.commit(
    `Fixes #15 ${script} ${image}\n\n[x](javascript:window.pwned='link') [y](//tracker.example/x) [z](ms-msdt:/id)`,
    { "f.txt": "6" },
  );
  const pushed = await runCli(
    ["push", "--server", serve.url, "--api-key", apiKey, "--package-id", "Acme.Web", "--version", "1.2.3"],
    { cwd: repo.dir },
  );
  expect(pushed.code, pushed.stderr).toBe(0);
  printedLink = /(http:\/\/\S+\/app#\/\S+)/.exec(pushed.stdout)?.[1] ?? "";

  const scenario = octopusScenario({ url: serve.url, apiKey });
  // Forty more records, enough for two pages of the list; every tenth one's branch and build link are hostile.
  for (let index = 1; index <= 40; index++) {
    const hostile = index % 10 === 0;
    const commit = `${index}`.padStart(40, "0");
    await scenario.pushBuildInformation(`Acme.Bulk${index}`, "1.0.0", {
      Branch: hostile ? `feature/${script}` : "main",
      BuildUrl: hostile ? "javascript:window.pwned='build'" : `https://ci.example.com/build/${index}`,
      BuildNumber: `${index}`,
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/bulk",
      VcsCommitNumber: commit,
      Commits: [{ Id: commit, Comment: `Fixes #${index} ${hostile ? image : "tidy the basket"}` }],
    });
  }
  production = await scenario.environment("Production");
  const project = await scenario.project("Shop", ["Acme.Web"], {
    releaseNotesTemplate:
      "#{each p in Octopus.Release.Package}- #{p.PackageId} for #{Octopus.Project.Name}\n#{/each}",
    deploymentChangesTemplate: `#{each release in Octopus.Deployment.Changes}\n## #{release.Version}\n#{each item in release.WorkItems}\n- [#{item.Id}](#{item.LinkUrl}) #{item.Description}\n#{/each}\n#{/each}\n${script}`,
  });
  await scenario.pushBuildInformation("Acme.Web", "1.0.0", {
    Commits: [{ Id: "a".repeat(40), Comment: "Fixes #1" }],
  });
  await scenario.deploy(await scenario.release(project, "1.0.0"), production);
  await scenario.release(project, "1.2.3");
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await repo?.cleanup();
});

/** A page that records what would show an attack or a broken page: dialogs, console errors, foreign requests. */
async function openPage(origin = serve.url): Promise<{ page: Page; trouble: string[] }> {
  const page = await browser.newPage();
  const trouble: string[] = [];
  page.on("dialog", (dialog) => {
    trouble.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") trouble.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => trouble.push(`page error: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) trouble.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(`${origin}/`)) trouble.push(`request: ${request.url()}`);
  });
  return { page, trouble };
}

/**
 * What every page must be: nothing ran, no serious accessibility violation, every control reachable by Tab.
 * `screenshot` names the page's screenshot.
 */
async function checkPage(page: Page, trouble: string[], screenshot?: string): Promise<void> {
  await page.mouse.move(5, 5);
  expect(await page.evaluate(() => (globalThis as { pwned?: string }).pwned)).toBeUndefined();
  expect(trouble).toEqual([]);
  // Only links to http(s) and to the server's own paths.
  for (const href of await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")))) {
    expect(href).toMatch(/^(https?:\/\/|\/app\/|#content$)/);
  }
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.length,
    }));
  });
  expect(
    violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical"),
  ).toEqual([]);
  if (screenshot !== undefined)
    await page.screenshot({ path: join(screenshots, `${screenshot}.png`), fullPage: true });
  await expectKeyboardReachesEveryControl(page);
}

/** What the tests read of the page's DOM (the project compiles without the DOM's types). */
interface BrowserGlobals {
  document: {
    querySelectorAll(selector: string): Iterable<{ setAttribute(name: string, value: string): void }>;
    activeElement: { getAttribute(name: string): string | null } | null;
  };
}

/** Tabs through the page from the top: every link, field and button gets the focus. */
async function expectKeyboardReachesEveryControl(page: Page): Promise<void> {
  const controls = await page.evaluate(() => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const all = [...document.querySelectorAll("a[href], input, select, textarea, button, summary")];
    for (const [index, element] of all.entries()) element.setAttribute("data-control", String(index));
    return all.length;
  });
  const reached = new Set<string>();
  await page.locator("body").focus();
  for (let press = 0; press < controls + 5; press++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      () =>
        (globalThis as unknown as BrowserGlobals).document.activeElement?.getAttribute("data-control") ??
        null,
    );
    if (focused !== null) reached.add(focused);
  }
  // Radio buttons share one stop: Tab reaches the group, the arrows its choices.
  const radiosBesideTheFirst = await page.locator("input[type=radio]:not(:checked)").count();
  expect(reached.size).toBe(controls - radiosBesideTheFirst);
}

describe("buildinfo serve's pages in Chromium", () => {
  it("opens the record the push printed, with its links, work items, near misses and raw JSON", async () => {
    expect(printedLink).toMatch(/\/app#\/Spaces-1\/library\/buildinformation\/BuildInformation-1$/);
    const { page, trouble } = await openPage();
    await page.goto(printedLink);
    await page.waitForURL(/\/app\/Spaces-1\/library\/buildinformation\/BuildInformation-1$/);
    expect(await page.locator("h1").textContent()).toBe("Acme.Web 1.2.3");
    const record = page.locator("section.record");
    expect(await record.locator(".commits li").count()).toBe(6);
    // Octopus's GitHub tracker links `Fixes #12` and passes over `See #13`, saying why.
    const linked = record.locator("tr.linked a").filter({ hasText: /^12$/ });
    expect(await linked.getAttribute("href")).toBe("https://github.com/acme/shop/issues/12");
    const passedOver = record
      .locator("tr.ignored")
      .filter({ has: page.locator("td:first-child", { hasText: /^13$/ }) });
    expect(await passedOver.locator(".reason").count()).toBe(1);
    // The hostile message is on the page as the text it is.
    expect(await record.locator(".commits").textContent()).toContain(script);
    expect(await page.locator("main script, main img, main iframe").count()).toBe(0);
    await checkPage(page, trouble, "record");

    await page.getByRole("link", { name: "Raw JSON" }).click();
    const json = JSON.parse((await page.locator("body").textContent()) ?? "");
    expect(json.Id).toBe("BuildInformation-1");
    expect(json.Commits).toHaveLength(6);
    await page.close();
  });

  it("lists every record newest first, a page at a time, and filters by package id", async () => {
    const { page, trouble } = await openPage();
    await page.goto(`${serve.url}/app`);
    expect(await page.locator(".count").textContent()).toBe("1–30 of 42 records");
    expect(await page.locator("table.records tbody tr").count()).toBe(30);
    // The newest record first: the 1.0.0 of Acme.Web pushed for the deployment.
    expect(await page.locator("table.records tbody tr").first().locator("td").nth(1).textContent()).toBe(
      "1.0.0",
    );
    // A hostile build link is shown as text, not linked.
    expect(await page.locator("table.records a[href^='javascript']").count()).toBe(0);
    await checkPage(page, trouble, "build-information");

    await page.getByRole("link", { name: "Next" }).click();
    expect(await page.locator(".count").textContent()).toBe("31–42 of 42 records");
    await checkPage(page, trouble);
    // Past the end is the last page, and Previous goes to the page before it.
    await page.goto(`${serve.url}/app/Spaces-1/library/buildinformation?skip=1000`);
    expect(await page.locator(".count").textContent()).toBe("31–42 of 42 records");
    expect(await page.getByRole("link", { name: "Previous" }).getAttribute("href")).toBe(
      "/app/Spaces-1/library/buildinformation",
    );
    await page.getByLabel("Package id contains").fill("bulk3");
    await page.keyboard.press("Enter");
    await page.waitForURL(/packageId=bulk3/);
    const packages = await page.locator("table.records td.package").allTextContents();
    expect(packages.sort()).toEqual([
      "Acme.Bulk3",
      "Acme.Bulk30",
      "Acme.Bulk31",
      "Acme.Bulk32",
      "Acme.Bulk33",
      "Acme.Bulk34",
      "Acme.Bulk35",
      "Acme.Bulk36",
      "Acme.Bulk37",
      "Acme.Bulk38",
      "Acme.Bulk39",
    ]);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it("renders release notes from a pasted template next to it, with its diagnostics", async () => {
    const { page, trouble } = await openPage();
    await page.goto(`${serve.url}/app/Spaces-1/release-notes`);
    await page.locator("#records").selectOption([{ label: "Acme.Web 1.2.3" }, { label: "Acme.Bulk2 1.0.0" }]);
    await page.getByLabel("Pasted template", { exact: true }).check();
    await page
      .locator("#template")
      .fill(
        `#{each p in Octopus.Release.Package}\n## #{p.PackageId}\n#{each w in p.WorkItems}\n- [#{w.Id}](#{w.LinkUrl}) #{w.Description}\n#{/each}\n#{each c in p.Commits}\n#{c.Comment}\n#{/each}\n#{/each}\n#{p.Version | NoSuchFilter}\n${script}`,
      );
    await page.getByRole("button", { name: "Render the notes" }).click();
    await page.waitForURL(/source=pasted/);
    const notes = page.locator(".notes");
    expect(await notes.locator("h2").allTextContents()).toEqual(["Acme.Bulk2", "Acme.Web"]);
    expect(await notes.locator("a[href='https://github.com/acme/shop/issues/12']").count()).toBe(1);
    expect(await notes.textContent()).toContain(script);
    // Links in commit messages that are not http(s) stay text (checkPage also checks every href).
    expect(await notes.textContent()).toContain("[y](//tracker.example/x) [z](ms-msdt:/id)");
    expect(await page.locator(".diagnostics li").count()).toBeGreaterThan(0);
    await checkPage(page, trouble, "release-notes");

    // The project's stored template, over the same packages.
    await page.getByLabel("Project Shop's template", { exact: true }).check();
    await page.getByRole("button", { name: "Render the notes" }).click();
    await page.waitForURL(/source=Projects-1/);
    expect(await notes.locator("li").allTextContents()).toEqual(["Acme.Bulk2 for Shop", "Acme.Web for Shop"]);
    expect(await page.locator(".template").textContent()).toContain("#{Octopus.Project.Name}");
    expect(trouble).toEqual([]);
    await page.close();
  });

  it("previews what deploying a release brings, through the project's template, and shows a recorded deployment", async () => {
    const { page, trouble } = await openPage();
    await page.goto(`${serve.url}/app/Spaces-1/deployment-changes`);
    await page.getByLabel("Release", { exact: true }).selectOption({ label: "1.2.3" });
    await page.getByRole("button", { name: "Preview" }).click();
    await page.waitForURL(/release=/);
    expect(await page.locator(".summary").textContent()).toBe(
      "Deploying Shop 1.2.3 to Production now brings 1 release: 1.2.3.",
    );
    const notes = page.locator(".notes");
    expect(await notes.locator("h2").allTextContents()).toEqual(["1.2.3"]);
    expect(await notes.locator("a[href='https://github.com/acme/shop/issues/12']").count()).toBe(1);
    expect(await notes.textContent()).toContain(script);
    await checkPage(page, trouble, "deployment-changes");

    // Octopus's link to a deployment opens what the server recorded for it.
    await page.goto(`${serve.url}/app#/Spaces-1/deployments/Deployments-1`);
    await page.waitForURL(/deployment=Deployments-1/);
    expect(await page.locator("#recorded-heading").textContent()).toBe(
      "Deploy to Production: 1.0.0, as recorded",
    );
    expect(await page.locator("#recorded-heading + p").textContent()).toMatch(
      new RegExp(`^Deployments-1 to ${production.Name}, created .+; it brought 1\\.0\\.0\\.$`),
    );
    expect(trouble).toEqual([]);
    await page.close();
  });

  it("signs a browser on another machine in with the one-time link, opened from another site", async () => {
    const remote = await startServeProcess(["--host", externalAddress(), "--api-key", apiKey]);
    try {
      const link = /one-time sign-in link for the pages from another machine: (\S+)/.exec(
        remote.stderr(),
      )?.[1];
      expect(link).toMatch(/\/app\/sign-in\?token=/);
      const { page, trouble } = await openPage(remote.url);
      // As when the link is clicked in a chat or a web mail: the redirect after it comes from another site.
      await page.setContent(`<a href="${link}">Sign in to buildinfo serve</a>`);
      await page.getByRole("link").click();
      await page.waitForURL(`${remote.url}/app`);
      expect(await page.locator("h1").textContent()).toBe("Build information");
      expect(trouble).toEqual([]);
      await page.close();
    } finally {
      await remote.stop();
    }
  });

  it("opens the record's page at the link npm run demo prints, while the demo serves", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "buildinfo-demo-page-"));
    const checkout = join(scratch, "checkout");
    execFileSync("git", ["clone", "--quiet", repoRoot, checkout]);
    const demo = spawn(process.execPath, [join(repoRoot, "scripts/demo.mjs"), checkout, "--serve"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let code: number | null = null;
    try {
      let link: string | undefined;
      for await (const line of createInterface({ input: demo.stdout })) {
        link = /(http:\/\/\S+\/app#\/\S+)/.exec(line)?.[1];
        if (link !== undefined) break;
      }
      expect(link).toMatch(/\/app#\/Spaces-1\/library\/buildinformation\/BuildInformation-1$/);
      const { page, trouble } = await openPage(new URL(link!).origin);
      await page.goto(link!);
      await page.waitForURL(/\/app\/Spaces-1\/library\/buildinformation\/BuildInformation-1$/);
      expect(await page.locator("h1").textContent()).toBe("Buildinfo.Demo.Web 0.1.0-demo");
      expect(await page.locator(".commits li").count()).toBeGreaterThan(0);
      expect(trouble).toEqual([]);
      await page.close();
    } finally {
      const exited = once(demo, "exit");
      demo.kill("SIGINT");
      [code] = (await exited) as [number | null];
      rmSync(scratch, { recursive: true, force: true });
    }
    expect(code, "the demo stops cleanly on Ctrl+C").toBe(0);
  }, 120_000);
});
