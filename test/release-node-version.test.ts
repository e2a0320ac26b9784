import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProcess } from "../packages/cli/test/helpers/run-cli";
import { ensureRelease } from "./support/release-build";

// release/buildinfo.mjs runs on whatever Node the agent has; it needs >= 20.19 and takes Node's
// built-ins from process.getBuiltinModule where that exists (20.16+, 22.3+), from createRequire where
// not (scripts/release/esm-prelude.mjs). The Node running this test is new enough, so a module loaded
// first with --import makes it look like the version under test: its version string and, for the
// versions that lack it, no process.getBuiltinModule.
describe("release/buildinfo.mjs across Node versions", () => {
  let bundle: string;
  let scratch: string;
  let server: LocalOctopusServer;
  let repo: TempGitRepo;

  beforeAll(async () => {
    bundle = join(ensureRelease(), "buildinfo.mjs");
    scratch = mkdtempSync(join(tmpdir(), "buildinfo-node-version-"));
    server = await startOctopusServer();
    repo = await createTempGitRepo({
      branch: "main",
      remoteUrl: "https://github.com/acme/shop.git",
      commits: [{ message: "SHOP-3 first", files: { "a.txt": "1" } }],
    });
  }, 15 * 60_000);

  afterAll(async () => {
    await server?.close();
    await repo?.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  function runAs(nodeVersion: string, hasGetBuiltinModule: boolean, args: string[]) {
    const lookAlike = join(scratch, `node-${nodeVersion}.mjs`);
    writeFileSync(
      lookAlike,
      [
        `Object.defineProperty(process, "versions", { value: { ...process.versions, node: ${JSON.stringify(nodeVersion)} } });`,
        hasGetBuiltinModule ? "" : "delete process.getBuiltinModule;",
      ].join("\n"),
    );
    return runProcess(process.execPath, ["--import", lookAlike, bundle, ...args], { cwd: repo.dir });
  }

  for (const tooOld of ["20.18.3", "18.20.4"]) {
    it(`refuses Node ${tooOld} in one line, with the usage exit code, before reading anything`, async () => {
      const run = await runAs(tooOld, tooOld.startsWith("20."), [
        "push",
        "--server",
        server.url,
        "--api-key",
        server.apiKey,
        "--package-id",
        "Acme.Old",
        "--version",
        "1.0.0",
      ]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `[buildinfo] error: Node ${tooOld} is too old for buildinfo.mjs, which needs Node >= 20.19. Install a newer Node, or use the standalone executable, which brings its own. code=E_USAGE\n`,
      );
      expect(server.records().filter((record) => record.PackageId === "Acme.Old")).toEqual([]);
    });
  }

  const supported = [
    { node: "20.19.0", hasGetBuiltinModule: true },
    { node: "21.7.3", hasGetBuiltinModule: false },
    { node: "22.2.0", hasGetBuiltinModule: false },
    { node: "22.3.0", hasGetBuiltinModule: true },
  ];
  for (const { node, hasGetBuiltinModule } of supported) {
    it(`collects and pushes on Node ${node}${hasGetBuiltinModule ? "" : ", which has no process.getBuiltinModule"}`, async () => {
      const collected = await runAs(node, hasGetBuiltinModule, ["collect"]);
      expect(collected.code, collected.stderr).toBe(0);
      expect(JSON.parse(collected.stdout)).toMatchObject({
        Branch: "main",
        VcsCommitNumber: repo.shas.at(-1),
      });

      const packageId = `Acme.Node${node.replaceAll(".", "_")}`;
      const pushed = await runAs(node, hasGetBuiltinModule, [
        "push",
        "--server",
        server.url,
        "--api-key",
        server.apiKey,
        "--package-id",
        packageId,
        "--version",
        "1.0.0",
      ]);
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(server.records().find((record) => record.PackageId === packageId)).toMatchObject({
        Branch: "main",
      });
    });
  }
});
