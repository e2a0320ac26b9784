import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleFromPage } from "./support/plugin-author-sample";
import { repoRoot } from "./support/workspace-files";

const run = promisify(execFile);

describe("the plugin-author sample of docs/plugin-authors.md", () => {
  let dir: string;
  let repo: TempGitRepo;
  let server: LocalOctopusServer;
  let bundle: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-sample-"));
    const sample = join(dir, "sample.ts");
    await writeFile(sample, await sampleFromPage());
    // Compile it with tsc against the workspace sources, as an embedder's build would against the packages.
    await writeFile(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: join(repoRoot, "tsconfig.json"),
        compilerOptions: { noEmit: true, typeRoots: [join(repoRoot, "node_modules/@types")] },
        include: [sample],
      }),
    );
    // tsc reports type errors on stdout: put them in the failure.
    await run(process.execPath, [
      join(repoRoot, "node_modules/typescript/bin/tsc"),
      "-p",
      join(dir, "tsconfig.json"),
    ]).catch((error: { stdout?: string }) => {
      throw new Error(`The sample does not compile:\n${error.stdout ?? String(error)}`);
    });
    // Then bundle it (the packages resolve through the same tsconfig paths) to run it with plain node.
    const { build } = await import("tsup");
    await build({
      entry: { sample },
      outDir: join(dir, "out"),
      format: ["esm"],
      platform: "node",
      target: "node20",
      noExternal: [/.*/],
      tsconfig: join(repoRoot, "tsconfig.json"),
      outExtension: () => ({ js: ".mjs" }),
      silent: true,
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    bundle = join(dir, "out/sample.mjs");
    repo = await createTempGitRepo({
      branch: "main",
      remoteUrl: "git@github.com:acme/shop-web.git",
      commits: [{ message: "Initial import" }, { message: "SHOP-12 Cache prices\n\nFixes #41" }],
    });
    server = await startOctopusServer();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("uses only @buildinfo/collect, @buildinfo/http and @buildinfo/octopus", async () => {
    const imports = [...(await sampleFromPage()).matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toEqual(["@buildinfo/collect", "@buildinfo/http", "@buildinfo/octopus"]);
  });

  it("compiles, runs in a git checkout and pushes the checkout's build information for both packages", async () => {
    const { stdout, stderr } = await run(process.execPath, [bundle], {
      cwd: repo.dir,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        OCTOPUS_URL: server.url,
        OCTOPUS_API_KEY: server.apiKey,
        MY_BUILD_NUMBER: "311",
      },
    });
    expect(stderr).toContain("Git: 2 commit(s)");
    const records = server.records();
    const idOf = (packageId: string) => records.find((record) => record.PackageId === packageId)?.Id;
    // One line per package, in the order the sample lists them.
    expect(stdout.trim().split("\n")).toEqual([
      `Acme.Web: ${idOf("Acme.Web")}`,
      `Acme.Api: ${idOf("Acme.Api")}`,
    ]);
    expect(records.map((record) => record.PackageId).sort()).toEqual(["Acme.Api", "Acme.Web"]);
    for (const record of records) {
      expect(record).toMatchObject({
        Version: "1.4.2",
        BuildEnvironment: "Git",
        BuildNumber: "311",
        Branch: "main",
        VcsRoot: "https://github.com/acme/shop-web",
        VcsCommitNumber: repo.shas[1],
      });
      expect(record.Commits.map((commit) => commit.Comment)).toEqual([
        "SHOP-12 Cache prices\n\nFixes #41",
        "Initial import",
      ]);
    }
  });

  it("exits with the catalogue's exit code when the input is invalid, having sent nothing", async () => {
    const before = server.requests.length;
    const failed = await run(process.execPath, [bundle], {
      cwd: tmpdir(),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        OCTOPUS_URL: server.url,
        OCTOPUS_API_KEY: server.apiKey,
      },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toMatch(/^E_GIT_NOT_A_REPOSITORY: /m);
    expect(server.requests.length).toBe(before);
  });
});
