import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProcess } from "../packages/cli/test/helpers/run-cli";
import { pnpmCommand } from "../scripts/pnpm-command.mjs";
import { sampleFromPage } from "./support/plugin-author-sample";
import { type LocalRegistry, startRegistry } from "./support/verdaccio";
import { repoRoot as root } from "./support/workspace-files";

const minutes = 60_000;

// Every public package published with `pnpm publish -r` (what a maintainer runs) to a real registry,
// then installed and run with plain npm as a user would.
describe("the packages through a real npm registry (Verdaccio on loopback)", () => {
  let registry: LocalRegistry;
  let server: LocalOctopusServer;
  let repo: TempGitRepo;
  let home: string;

  beforeAll(async () => {
    const ready = spawnSync(process.execPath, [join(root, "scripts", "ensure-ready.mjs")], {
      encoding: "utf8",
    });
    if (ready.status !== 0) throw new Error(`setup failed:\n${ready.stderr}`);
    // Our own scope comes only from this registry; third-party dependencies through npm's registry.
    const uplink = spawnSync("npm", ["config", "get", "registry"], { encoding: "utf8" }).stdout.trim();
    registry = await startRegistry(uplink);
    server = await startOctopusServer({
      spaces: [
        { Id: "Spaces-1", Name: "Default", IsDefault: true },
        { Id: "Spaces-2", Name: "Web Team" },
      ],
    });
    repo = await createTempGitRepo({
      remoteUrl: "https://github.com/acme/shop.git",
      commits: [{ message: "Initial import" }, { message: "Cache prices" }],
    });
    home = await mkdtemp(join(tmpdir(), "buildinfo-npm-home-"));

    const [pnpm, prefix] = pnpmCommand();
    const published = await runProcess(
      pnpm,
      [...prefix, "publish", "-r", "--registry", registry.url, "--no-git-checks"],
      { cwd: root, env: { npm_config_userconfig: registry.npmrc } },
    );
    if (published.code !== 0)
      throw new Error(`pnpm publish -r failed:\n${published.stdout}${published.stderr}`);
  }, 10 * minutes);

  afterAll(async () => {
    await registry?.close();
    await server?.close();
    await repo?.cleanup();
    if (home) await rm(home, { recursive: true, force: true });
  });

  /** Plain npm (or npx) against the local registry, with an empty cache and no user configuration. */
  function npm(command: "npm" | "npx", args: string[], cwd: string) {
    return runProcess(command, args, {
      cwd,
      env: {
        HOME: home,
        npm_config_userconfig: registry.npmrc,
        npm_config_registry: registry.url,
        npm_config_cache: join(home, "npm-cache"),
        npm_config_update_notifier: "false",
        npm_config_audit: "false",
        npm_config_fund: "false",
      },
    });
  }

  it(
    "runs the CLI with npx: --version, then a push from a git checkout",
    async () => {
      const version = await npm("npx", ["--yes", "@buildinfo/cli", "--version"], repo.dir);
      expect(version.stdout, version.stderr).toBe("0.1.0\n");

      const pushed = await npm(
        "npx",
        [
          "--yes",
          "@buildinfo/cli",
          "push",
          "--server",
          server.url,
          "--api-key",
          server.apiKey,
          "--package-id",
          "Acme.Npx",
          "--version",
          "2.0.0",
        ],
        repo.dir,
      );
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(server.records().find((record) => record.PackageId === "Acme.Npx")).toMatchObject({
        Version: "2.0.0",
        VcsRoot: "https://github.com/acme/shop",
        VcsCommitNumber: repo.shas.at(-1),
      });
    },
    5 * minutes,
  );

  it(
    "installs, compiles and runs the plugin-author sample of docs/plugin-authors.md",
    async () => {
      const sample = await sampleFromPage();
      const ours = [
        ...new Set([...sample.matchAll(/from "(@buildinfo\/[^"]+)"/g)].flatMap((match) => match[1] ?? [])),
      ];
      const project = join(repo.dir, "plugin");
      mkdirSync(project);
      writeFileSync(
        join(project, "package.json"),
        JSON.stringify({ name: "plugin", private: true, type: "module" }),
      );
      writeFileSync(
        join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { module: "nodenext", target: "es2022", strict: true, skipLibCheck: false },
          files: ["sample.ts"],
        }),
      );
      writeFileSync(join(project, "sample.ts"), sample.replaceAll("https://octopus.example.com", server.url));

      const installed = await npm(
        "npm",
        ["install", ...ours, "typescript@5.9.3", "@types/node@20.19.43"],
        project,
      );
      expect(installed.code, installed.stderr).toBe(0);
      const compiled = await runProcess(
        process.execPath,
        [join("node_modules", "typescript", "bin", "tsc"), "-p", "."],
        {
          cwd: project,
        },
      );
      expect(compiled.code, compiled.stdout).toBe(0);

      const before = server.records().length;
      const ran = await runProcess(process.execPath, ["sample.js"], {
        cwd: project,
        env: { HOME: home, OCTOPUS_URL: server.url, OCTOPUS_API_KEY: server.apiKey },
      });
      expect(ran.code, ran.stdout + ran.stderr).toBe(0);
      expect(server.records().length).toBeGreaterThan(before);
    },
    5 * minutes,
  );

  it(
    "installs the conformance kit: its vectors as package files, and the CLI's runner passing the CLI itself",
    async () => {
      const project = await mkdtemp(join(tmpdir(), "buildinfo-npm-conformance-"));
      try {
        writeFileSync(join(project, "package.json"), JSON.stringify({ name: "plugin-tests", private: true }));
        const installed = await npm("npm", ["install", "@buildinfo/conformance", "@buildinfo/cli"], project);
        expect(installed.code, installed.stderr).toBe(0);
        // The vectors through the package's exports, as a test in any language reads the files.
        const read = await runProcess(
          process.execPath,
          [
            "--input-type=module",
            "-e",
            'import { createRequire } from "node:module"; import { serverVectors } from "@buildinfo/conformance";' +
              'const file = createRequire(import.meta.url).resolve("@buildinfo/conformance/kit/servers/gitlab.json");' +
              'console.log(serverVectors.length, JSON.parse((await import("node:fs")).readFileSync(file, "utf8")).server);',
          ],
          { cwd: project },
        );
        expect(read.stdout, read.stderr).toBe("10 gitlab\n");
        const cli = join(project, "node_modules", "@buildinfo", "cli", "dist", "cli.js");
        const run = await runProcess(
          process.execPath,
          [
            cli,
            "conformance",
            "--plugin",
            `"${process.execPath}" "${cli}" push --package-id {packageId} --version {version}`,
            "--server",
            "gitlab",
            "--format",
            "json",
          ],
          { cwd: project },
        );
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ passed: true, summary: { cases: 6, rowsFailed: 0 } });
      } finally {
        await rm(project, { recursive: true, force: true });
      }
    },
    5 * minutes,
  );

  it(
    "installs the core and the client alone: no adapter, no @buildinfo/testing, and require() works",
    async () => {
      const project = await mkdtemp(join(tmpdir(), "buildinfo-npm-library-"));
      try {
        writeFileSync(join(project, "package.json"), JSON.stringify({ name: "library-user", private: true }));
        const installed = await npm("npm", ["install", "@buildinfo/core", "@buildinfo/octopus"], project);
        expect(installed.code, installed.stderr).toBe(0);
        // The Octopus client sends through @buildinfo/http.
        expect(readdirSync(join(project, "node_modules", "@buildinfo")).sort()).toEqual([
          "core",
          "http",
          "octopus",
        ]);

        // A CommonJS user on Node >= 20.19: require() of these ES modules goes through the `default` export.
        writeFileSync(
          join(project, "use.cjs"),
          'const core = require("@buildinfo/core"); const octopus = require("@buildinfo/octopus");\n' +
            "console.log(typeof core.normalizeDraft, typeof octopus.createOctopusClient);\n",
        );
        const required = await runProcess(process.execPath, ["use.cjs"], { cwd: project });
        expect(required.stdout, required.stderr).toBe("function function\n");
      } finally {
        await rm(project, { recursive: true, force: true });
      }
    },
    5 * minutes,
  );
});
