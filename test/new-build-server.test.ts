import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, workspacePackages } from "./support/workspace-files";

// CONTRIBUTING.md's "Add a build server", done in a copy of the repository for a server buildinfo does
// not know (Woodpecker CI): its folder, its docs and reference pages, its conformance vectors and test and
// one line in the registry, then `npm run generate`. Nothing else is edited, and every surface picks it up.

const run = promisify(execFile);

/** Woodpecker's conformance vectors: one push pipeline of the kit's feature-branch history. */
const woodpeckerVectors = `${JSON.stringify(
  {
    $schema: "../schema/server-vectors.schema.json",
    server: "woodpecker",
    name: "Woodpecker CI",
    sources: ["https://woodpecker-ci.org/docs/usage/environment"],
    cases: [
      {
        id: "push",
        title: "A push pipeline of a feature branch: CI_PREV_COMMIT_SHA..CI_COMMIT_SHA from the checkout",
        topics: ["multi-line-messages", "scp-root"],
        source: "https://woodpecker-ci.org/docs/usage/environment",
        history: "feature-branch",
        checkout: {
          commit: "d7fd9549f29a68b9f13e24064b0705da87876b3c",
          remote: "git@github.com:acme/shop-web.git",
        },
        env: {
          CI: "woodpecker",
          CI_PIPELINE_NUMBER: "311",
          CI_COMMIT_SHA: "d7fd9549f29a68b9f13e24064b0705da87876b3c",
          CI_PREV_COMMIT_SHA: "56d5993c043d6fb05b1a8d95a6b9bddff13e37c2",
          CI_COMMIT_BRANCH: "feature/SHOP-12-price-cache",
          CI_REPO_URL: "git@github.com:acme/shop-web.git",
        },
        expected: {
          BuildEnvironment: "Woodpecker CI",
          BuildNumber: "311",
          BuildUrl: null,
          Branch: "feature/SHOP-12-price-cache",
          VcsType: "Git",
          VcsRoot: "https://github.com/acme/shop-web",
          VcsCommitNumber: "d7fd9549f29a68b9f13e24064b0705da87876b3c",
          Commits: [
            {
              Id: "d7fd9549f29a68b9f13e24064b0705da87876b3c",
              Comment: "Tidy the cache configuration\n\nCo-authored-by: Grace Tester <grace@example.com>",
            },
            {
              Id: "d6f5047669b384a08f78fcfef2aa5aa1e20f65a6",
              Comment: "Add cache metrics for SHOP-12",
            },
            {
              Id: "915d3f452127a3428a7923147cb8fe4bd4b7ede8",
              Comment:
                "SHOP-12 cache price lookups\n\nLookups are cached for five minutes per SKU.\nFixes #41",
            },
          ],
        },
      },
    ],
  },
  null,
  2,
)}\n`;

const files: Record<string, string> = {
  "adapters/woodpecker/package.json": `${JSON.stringify(
    {
      name: "@buildinfo/adapter-woodpecker",
      version: "0.1.0",
      type: "module",
      license: "Apache-2.0",
      exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" } },
      scripts: { build: "tsup --config ../../tsup.library.ts" },
      dependencies: { "@buildinfo/core": "workspace:^" },
    },
    null,
    2,
  )}\n`,
  "adapters/woodpecker/tsconfig.json": '{ "extends": "../../tsconfig.base.json", "include": ["src"] }\n',
  "adapters/woodpecker/src/index.ts": 'export { manifest } from "./manifest";\n',
  "adapters/woodpecker/src/manifest.ts": `import type { AdapterManifest } from "@buildinfo/core";

/** Woodpecker CI (docs/reference/servers/woodpecker.md). */
export const manifest: AdapterManifest = {
  id: "woodpecker",
  displayName: "Woodpecker CI",
  detectWhen: [[{ variable: "CI", equals: "woodpecker" }]],
  historyFix: "set \`clone: git: settings: depth: 0\` in the pipeline",
  loadCollector: async () => (await import("./collector")).collect,
};
`,
  "adapters/woodpecker/src/collector.ts": `import { type AdapterContext, type BuildInformationDraft, draftFromEnvValues, firstEnv, selectCommits } from "@buildinfo/core";
import { manifest } from "./manifest";

/** The pipeline's variables; the commits from the checkout. */
export async function collect({ env }: AdapterContext): Promise<BuildInformationDraft> {
  const head = firstEnv(env, ["CI_COMMIT_SHA"]);
  return draftFromEnvValues(
    manifest.displayName,
    {
      buildNumber: firstEnv(env, ["CI_PIPELINE_NUMBER"]),
      buildUrl: firstEnv(env, ["CI_PIPELINE_URL"]),
      branch: firstEnv(env, ["CI_COMMIT_BRANCH"]),
      vcsType: { value: "git", source: "Woodpecker CI (Git only)" },
      vcsRoot: firstEnv(env, ["CI_REPO_URL"]),
      vcsCommitNumber: head,
    },
    selectCommits({ server: manifest.displayName, head, previous: firstEnv(env, ["CI_PREV_COMMIT_SHA"]) }),
  );
}
`,
  "adapters/woodpecker/test/woodpecker-adapter.test.ts": `import { createTestContext } from "@buildinfo/testing";
import { expect, it } from "vitest";
import { collect } from "../src/collector";

it("maps the pipeline's variables", async () => {
  const draft = await collect(createTestContext({ env: { CI_PIPELINE_NUMBER: "4", CI_COMMIT_SHA: "abc" } }));
  expect(draft).toMatchObject({ buildNumber: "4", vcsCommitNumber: "abc" });
});
`,
  "docs/woodpecker.md": "# Woodpecker CI\n\nRun `buildinfo push` as a pipeline step.\n",
  "docs/reference/servers/woodpecker.md":
    "# Woodpecker CI: what the adapter relies on\n\n<https://woodpecker-ci.org/docs/usage/environment>\n",
  "packages/conformance/vectors/servers/woodpecker.json": woodpeckerVectors,
  "test/conformance/woodpecker.test.ts": `import { conformanceSuite } from "../support/conformance-suite";

conformanceSuite("woodpecker");
`,
};

describe("a new build server is its folder, its pages, its conformance vectors and test and one registry line", () => {
  let copy: string;
  const inCopy = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
    run(command, args, { cwd: copy, env, maxBuffer: 64 * 1024 * 1024 });

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), "buildinfo-new-server-"));
    const { stdout } = await run("git", ["ls-files", "-z"], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    for (const file of stdout.split("\0").filter(Boolean)) {
      await mkdir(dirname(join(copy, file)), { recursive: true });
      await cp(join(repoRoot, file), join(copy, file));
    }
    // The installed tools and the workspace links (each package's node_modules points into the root's).
    await symlink(join(repoRoot, "node_modules"), join(copy, "node_modules"));
    for (const dir of workspacePackages()) {
      await symlink(join(repoRoot, dir, "node_modules"), join(copy, dir, "node_modules"));
    }
    await inCopy("git", ["init", "-q"]);
    await inCopy("git", ["add", "-A"]);
    await inCopy("git", ["-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-qm", "copy"]);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(copy, file)), { recursive: true });
      await writeFile(join(copy, file), text);
    }
    const registry = join(copy, "packages/collect/src/registry.ts");
    const text = await readFile(registry, "utf8");
    await writeFile(registry, text.replace('  "jenkins",\n', '  "woodpecker",\n  "jenkins",\n'));
    await inCopy(process.execPath, ["scripts/generate.mjs"]);
    await run(process.execPath, [join(repoRoot, "node_modules/tsup/dist/cli-default.js")], {
      cwd: join(copy, "packages/cli"),
    });
  }, 240_000);
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it("edits only the registry line by hand; the generator writes the rest", async () => {
    const { stdout } = await inCopy("git", ["status", "--porcelain", "--untracked-files=no"]);
    expect(stdout.split("\n").filter(Boolean).sort()).toEqual([
      " M README.md",
      " M docs/cli.md",
      " M docs/since-deployed.md",
      " M packages/collect/package.json",
      " M packages/collect/src/registered-manifests.ts",
      " M packages/collect/src/registry.ts",
      " M packages/conformance/src/vector-files.ts",
    ]);
    const { stdout: diff } = await inCopy("git", ["diff", "--numstat", "packages/collect/src/registry.ts"]);
    expect(diff.trim()).toBe("1\t0\tpackages/collect/src/registry.ts");
  });

  it("appears in the README's and docs/cli.md's tables, and its history fix in docs/since-deployed.md", async () => {
    expect(await readFile(join(copy, "docs/since-deployed.md"), "utf8")).toMatch(
      /^\| Woodpecker CI \| `woodpecker` \| .+ \|$/m,
    );
    expect(await readFile(join(copy, "README.md"), "utf8")).toContain(
      "| Woodpecker CI | `woodpecker` | `CI=woodpecker` | [docs/woodpecker.md](docs/woodpecker.md) |",
    );
    const cli = await readFile(join(copy, "docs/cli.md"), "utf8");
    expect(cli).toContain("| 9 | `woodpecker` | Woodpecker CI | `CI=woodpecker` |");
    expect(cli).toMatch(/`--from` takes one of: .*`woodpecker` `jenkins`/);
  });

  it("is in --from, help and completion, and detected from its markers by the built CLI", async () => {
    const cli = join(copy, "packages/cli/dist/cli.js");
    const { stdout: help } = await inCopy(process.execPath, [cli, "collect", "--help"]);
    expect(help).toContain("woodpecker");
    const { stdout: completion } = await inCopy(process.execPath, [cli, "completion", "bash"]);
    expect(completion).toContain("woodpecker");
    const build = {
      CI: "woodpecker",
      CI_PIPELINE_NUMBER: "12",
      CI_REPO_URL: "https://codeberg.org/acme/shop",
    };
    const detected = await inCopy(process.execPath, [cli, "collect"], { ...process.env, ...build });
    expect(detected.stderr).toContain("detected Woodpecker CI");
    expect(JSON.parse(detected.stdout)).toMatchObject({
      BuildEnvironment: "Woodpecker CI",
      BuildNumber: "12",
    });
    const chosen = await inCopy(process.execPath, [cli, "collect", "--from", "woodpecker"], {
      ...process.env,
      ...build,
    });
    expect(JSON.parse(chosen.stdout).BuildEnvironment).toBe("Woodpecker CI");
  });

  it("passes its unit test, its conformance test and the registry's completeness checks", async () => {
    const vitest = join(repoRoot, "node_modules/vitest/vitest.mjs");
    const report = join(copy, "report.json");
    await inCopy(process.execPath, [
      vitest,
      "run",
      "--reporter=json",
      `--outputFile=${report}`,
      "adapters/woodpecker",
      "test/conformance/woodpecker.test.ts",
      "test/registry-completeness.test.ts",
    ]);
    const results = JSON.parse(await readFile(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: { name: string }[];
    };
    expect(results.numFailedTests).toBe(0);
    expect(results.testResults.map((file) => file.name.slice(copy.length + 1)).sort()).toEqual([
      "adapters/woodpecker/test/woodpecker-adapter.test.ts",
      "test/conformance/woodpecker.test.ts",
      "test/registry-completeness.test.ts",
    ]);
    expect(results.numPassedTests).toBeGreaterThanOrEqual(5);
  });
});
