import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProcess } from "../packages/cli/test/helpers/run-cli";
import { nodeFreePath } from "./support/node-free-path";
import { ensureRelease } from "./support/release-build";
import { repoRoot } from "./support/workspace-files";

// The release artifacts as a JVM build agent with no Node would run them: `env -i` with a PATH of sh,
// git and coreutils only. The bundle still needs a Node, given by absolute path as an agent's tool.
describe("release/ artifacts on a machine with no node on PATH", () => {
  let release: string;
  let path: string;
  let server: LocalOctopusServer;
  let repo: TempGitRepo;

  beforeAll(async () => {
    release = ensureRelease();
    path = nodeFreePath();
    server = await startOctopusServer();
    repo = await createTempGitRepo({
      branch: "feature/SHOP-7",
      remoteUrl: "git@github.com:acme/shop.git",
      commits: [
        { message: "Initial import" },
        { message: "SHOP-7 price cache\n\nKeeps prices for 5 minutes." },
      ],
    });
  }, 15 * 60_000);

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
    if (path) rmSync(path, { recursive: true, force: true });
  });

  // Asynchronous: the local Octopus server answers from this process.
  function runClean(command: string[]) {
    const [env, ...args] = ["/usr/bin/env", "-i", `PATH=${path}`, `HOME=${repo.dir}`, ...command];
    return runProcess(env as string, args, { cwd: repo.dir });
  }

  it("has no node on that PATH", async () => {
    expect((await runClean(["sh", "-c", "command -v node"])).code).not.toBe(0);
    expect((await runClean(["sh", "-c", "command -v git"])).code).toBe(0);
  });

  const ways = [
    {
      name: "the standalone executable",
      command: () => [join(release, "buildinfo-linux-x64")],
      packageId: "Acme.Sea",
    },
    {
      name: "the one-file bundle",
      command: () => [process.execPath, join(release, "buildinfo.mjs")],
      packageId: "Acme.Mjs",
    },
  ];

  for (const way of ways) {
    it(`${way.name} prints its version, collects from the checkout and pushes`, async () => {
      const version = await runClean([...way.command(), "--version"]);
      expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });

      const collected = await runClean([...way.command(), "collect"]);
      expect(collected.stderr).not.toMatch(/\n\s+at /);
      expect(collected.code).toBe(0);
      expect(JSON.parse(collected.stdout)).toMatchObject({
        Branch: "feature/SHOP-7",
        VcsRoot: "https://github.com/acme/shop",
        VcsCommitNumber: repo.shas.at(-1),
        Commits: repo.octopusCommits("HEAD"),
      });

      const pushed = await runClean([
        ...way.command(),
        "push",
        "--server",
        server.url,
        "--api-key",
        server.apiKey,
        "--package-id",
        way.packageId,
        "--version",
        "1.0.0",
      ]);
      expect(pushed.code, pushed.stderr).toBe(0);
      const record = server.records().find((stored) => stored.PackageId === way.packageId);
      expect(record).toMatchObject({ Version: "1.0.0", Branch: "feature/SHOP-7", VcsType: "Git" });
    });
  }

  it("has npm tarballs with the library, the LICENSE and a finished manifest only", () => {
    const tarballs = readdirSync(release).filter((name) => name.endsWith(".tgz"));
    expect(tarballs).toContain("buildinfo-core-0.1.0.tgz");
    for (const tarball of tarballs) {
      const path = join(release, tarball);
      const files = spawnSync("tar", ["-tzf", path], { encoding: "utf8" }).stdout.trim().split("\n");
      const manifest = JSON.parse(
        spawnSync("tar", ["-xzOf", path, "package/package.json"], { encoding: "utf8" }).stdout,
      );
      expect(files, tarball).toContain("package/LICENSE");
      expect(JSON.stringify(manifest), tarball).not.toContain("workspace:");
      expect(manifest, tarball).toMatchObject({
        license: "Apache-2.0",
        publishConfig: { access: "public" },
        repository: { directory: expect.any(String) },
      });
      if (manifest.name === "@buildinfo/cli") {
        // The command bundles everything it runs: nothing to install beside it.
        expect(manifest.dependencies, tarball).toBeUndefined();
        continue;
      }
      expect(manifest.exports["."], tarball).toMatchObject({
        import: "./dist/index.js",
        default: "./dist/index.js",
      });
      // No Action, task or CLI bundle rides along in a library's tarball: only the entries it exports
      // (and the code and declaration chunks they share), the manifest, the LICENSE and the README.
      const entries = Object.values(manifest.exports as Record<string, string | Record<string, string>>)
        .flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)))
        .map((file) => `package/${file.replace(/^\.\//, "")}`);
      // A subpath pattern (`"./kit/*": "./dist/kit/*"`, the conformance kit's data files) exports a folder.
      const exported = (file: string) =>
        entries.some((entry) => (entry.endsWith("*") ? file.startsWith(entry.slice(0, -1)) : entry === file));
      const extra = files.filter(
        (file) =>
          !exported(file) &&
          !/^package\/(dist\/[\w-]+-[A-Z0-9]{8}\.js|dist\/[\w-]+-[\w-]{8}\.d\.ts|package\.json|LICENSE|README\.md)$/.test(
            file,
          ),
      );
      expect(extra, tarball).toEqual([]);
    }
  });

  it("has every file the docs' snippets download, and each snippet checks it against SHA256SUMS", () => {
    const pages = ["README.md", ...readdirSync(join(repoRoot, "docs")).map((name) => `docs/${name}`)];
    let snippets = 0;
    for (const page of pages.filter((name) => name.endsWith(".md"))) {
      const blocks = readFileSync(join(repoRoot, page), "utf8")
        .split("```")
        .filter((_, i) => i % 2 === 1);
      for (const block of blocks) {
        const files = [
          ...block.matchAll(/(?:releases\/(?:latest\/download|download\/v[^/\s]+)|\$base)\/([\w.-]+)/g),
        ].map((match) => match[1] as string);
        if (files.length === 0) continue;
        snippets++;
        for (const file of files)
          expect(existsSync(join(release, file)), `${page} downloads ${file}`).toBe(true);
        expect(files, `${page}: a snippet that downloads ${files[0]}`).toContain("SHA256SUMS");
        expect(block, `${page}: a snippet that downloads ${files[0]}`).toMatch(/sha256sum -c|Get-FileHash/);
      }
    }
    expect(snippets).toBeGreaterThanOrEqual(10);
  });

  it("writes no file that other users of the machine could change before it is checksummed", () => {
    const writable = (readdirSync(release, { recursive: true }) as string[]).filter(
      (file) => (statSync(join(release, file)).mode & 0o022) !== 0,
    );
    expect(writable).toEqual([]);
  });

  it("verifies with sha256sum -c SHA256SUMS", () => {
    const result = spawnSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], {
      cwd: release,
      encoding: "utf8",
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    for (const name of [
      "buildinfo.mjs",
      "buildinfo-linux-x64",
      "buildinfo-win-x64.exe",
      "buildinfo-darwin-arm64",
    ]) {
      expect(result.stdout).toContain(`${name}: OK`);
    }
    expect(result.stdout).toMatch(/^buildinfo-core-[^:]+\.tgz: OK$/m);
  });
});
