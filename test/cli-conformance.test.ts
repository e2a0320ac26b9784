import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectedFields, serverVectors } from "@buildinfo/conformance";
import { parse } from "test-results-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, runCli } from "../packages/cli/test/helpers/run-cli";
import { repoRoot } from "./support/workspace-files";

// `buildinfo conformance` end to end: the built CLI runs a plugin's command against the kit's vectors.
// Two plugins prove the kit: buildinfo's own CLI passes every vector, and a deliberately naive plugin
// (test/support/naive-plugin.mjs) fails exactly the rows of the mistakes it was written with.

const buildinfoPlugin = `"${process.execPath}" "${cliPath}" push --package-id {packageId} --version {version}`;
const naivePlugin = `"${process.execPath}" "${join(repoRoot, "test/support/naive-plugin.mjs")}" {packageId} {version}`;

interface JsonReport {
  passed: boolean;
  summary: { cases: number; rows: number; rowsFailed: number };
  results: {
    server: string;
    case: string;
    passed: boolean;
    rows: { name: string; passed: boolean; expected?: string; actual?: string }[];
  }[];
}

/** Each mistake of the naive plugin, and the rows of the Jenkins and GitHub Actions vectors it breaks. */
const naiveFailures = [
  // An scp-form or ssh:// GIT_URL sent as it is.
  "jenkins multibranch-pipeline VcsRoot",
  "jenkins first-build-of-pull-request VcsRoot",
  "jenkins freestyle-origin-branch VcsRoot",
  // GIT_BRANCH sent with its remote, origin/.
  "jenkins freestyle-origin-branch Branch",
  // The change sets' msg: the first line of each message.
  "jenkins multibranch-pipeline Commits",
  "jenkins freestyle-origin-branch Commits",
  "jenkins merge-commit Commits",
  // At most 100 commits.
  "jenkins many-commits Commits",
  // Commits only from a push event's payload.
  "github-actions pull-request Commits",
  "github-actions tag Commits",
  "github-actions long-push Commits",
];

describe("buildinfo conformance", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-conformance-cli-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("passes buildinfo's own CLI on every vector of every server (exit 0)", {
    timeout: 180_000,
  }, async () => {
    const run = await runCli(["conformance", "--plugin", buildinfoPlugin, "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const cases = serverVectors.flatMap((file) => file.cases.map((entry) => `${file.server}/${entry.id}`));
    expect(report.results.map((result) => `${result.server}/${result.case}`).sort()).toEqual(cases.sort());
    expect(report.results.filter((result) => !result.passed)).toEqual([]);
    expect(report.summary).toMatchObject({ cases: cases.length, rowsFailed: 0 });
    // The progress goes to stderr, one line per case.
    expect(run.stderr.match(/: passed$/gm)).toHaveLength(cases.length);
  });

  it("fails the naive plugin on exactly the rows of its mistakes, in JUnit XML a JUnit reader parses", {
    timeout: 120_000,
  }, async () => {
    const run = await runCli([
      "conformance",
      "--plugin",
      naivePlugin,
      "--server",
      "jenkins",
      "--server",
      "github-actions",
      "--format",
      "junit",
    ]);
    expect(run.code, run.stderr).toBe(1);
    const file = join(dir, "naive.xml");
    await writeFile(file, run.stdout);
    const junit = parse({ type: "junit", files: [file] });
    const rows = junit.suites.flatMap((suite) => suite.cases.map((row) => ({ suite: suite.name, row })));
    const failed = rows
      .filter(({ row }) => row.status === "FAIL")
      .map(({ suite, row }) => `${suite} ${row.name}`);
    expect(failed.sort()).toEqual([...naiveFailures].sort());
    // 12 cases of exit, push and eight fields, and Jenkins' Subversion case of exit and push alone.
    expect(rows).toHaveLength(12 * 10 + 2);
    expect(junit).toMatchObject({ total: 122, failed: naiveFailures.length });
    const capped = rows.find(({ suite, row }) => `${suite} ${row.name}` === "jenkins many-commits Commits");
    expect(capped?.row.failure).toContain("(100 commits, not 260)");
    const root = rows.find(
      ({ suite, row }) => `${suite} ${row.name}` === "jenkins freestyle-origin-branch VcsRoot",
    );
    expect(root?.row.failure).toBe(
      'expected "https://git.acme.example/shop/web", got "ssh://git@git.acme.example:7999/shop/web.git"',
    );
  });

  it("shows a matrix of cases and rows, FAIL where a row failed, then each failure in words", async () => {
    const run = await runCli([
      "conformance",
      "--plugin",
      naivePlugin,
      "--case",
      "jenkins/freestyle-origin-branch",
      "--case",
      "jenkins/subversion-rejected",
    ]);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[0]?.split(/\s+/)).toEqual([
      "case",
      "exit",
      "push",
      "env",
      "number",
      "url",
      "branch",
      "type",
      "root",
      "commit",
      "commits",
    ]);
    expect(lines[1]?.split(/\s+/)).toEqual([
      "jenkins/freestyle-origin-branch",
      ...["ok", "ok", "ok", "ok", "ok", "FAIL", "ok", "FAIL", "ok", "FAIL"],
    ]);
    expect(lines[2]?.split(/\s+/)).toEqual([
      "jenkins/subversion-rejected",
      "ok",
      "ok",
      ...Array(8).fill("-"),
    ]);
    expect(run.stdout).toContain(
      '  jenkins/freestyle-origin-branch  Branch: expected "feature/SHOP-12-price-cache", got "origin/feature/SHOP-12-price-cache"',
    );
    expect(run.stdout).toMatch(/^1 of 2 cases passed; 3 of 12 rows failed/m);
  });

  it("fails a plugin that pushes nothing, exits non-zero or hangs, with its output in the report", async () => {
    const silent = await runCli([
      "conformance",
      "--plugin",
      "echo nothing to push",
      "--case",
      "gitlab/branch-pipeline",
      "--format",
      "json",
    ]);
    expect(silent.code).toBe(1);
    const [quiet] = (JSON.parse(silent.stdout) as JsonReport).results;
    // Every row but the exit, which was 0.
    expect(quiet?.rows.filter((row) => !row.passed).map((row) => row.name)).toEqual([
      "pushed",
      ...expectedFields,
    ]);

    const hanging = await runCli([
      "conformance",
      "--plugin",
      `"${process.execPath}" -e "setTimeout(() => {}, 60000)"`,
      "--case",
      "gitlab/branch-pipeline",
      "--timeout",
      "1s",
      "--format",
      "json",
    ]);
    expect(hanging.code).toBe(1);
    const [hung] = (JSON.parse(hanging.stdout) as JsonReport).results;
    expect(hung?.rows[0]).toMatchObject({ name: "exit", passed: false, actual: "timed out" });
  });

  it("refuses a missing --plugin, an unknown server or case, and an unknown format (exit 2, stdout empty)", async () => {
    for (const args of [
      [],
      ["--plugin", "true", "--server", "drone"],
      ["--plugin", "true", "--case", "jenkins/nightly"],
      ["--plugin", "true", "--format", "xml"],
    ]) {
      const run = await runCli(["conformance", ...args]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/code=E_USAGE\n$/);
    }
  });
});
