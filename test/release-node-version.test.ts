import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProcess } from "../packages/cli/test/helpers/run-cli";
import { ensureRelease } from "./support/release-build";

// release/buildinfo.mjs runs on whatever Node the agent has; it needs >= 20.19
// (scripts/release/esm-prelude.mjs). The Node running this test is new enough, so a module loaded
// first with --import makes it report the version under test, as an older Node would.
describe("release/buildinfo.mjs on a Node older than it needs", () => {
  let bundle: string;
  let scratch: string;

  beforeAll(() => {
    bundle = join(ensureRelease(), "buildinfo.mjs");
    scratch = mkdtempSync(join(tmpdir(), "buildinfo-node-version-"));
  }, 15 * 60_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  function runAs(nodeVersion: string, args: string[]) {
    const reportVersion = join(scratch, `node-${nodeVersion}.mjs`);
    writeFileSync(
      reportVersion,
      `Object.defineProperty(process, "versions", { value: { ...process.versions, node: ${JSON.stringify(nodeVersion)} } });\n`,
    );
    return runProcess(process.execPath, ["--import", reportVersion, bundle, ...args], {
      env: { OCTOPUS_URL: "http://127.0.0.1:9", OCTOPUS_API_KEY: "API-NOTSENTANYWHERE0000000000" },
    });
  }

  for (const tooOld of ["20.18.3", "18.20.4"]) {
    it(`refuses Node ${tooOld} in one line, with the usage exit code, before reading anything`, async () => {
      const run = await runAs(tooOld, ["push", "--package-id", "Acme.Web", "--version", "1.0.0"]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `[buildinfo] error: Node ${tooOld} is too old for buildinfo.mjs, which needs Node >= 20.19. Install a newer Node, or use the standalone executable, which brings its own. code=E_USAGE\n`,
      );
    });
  }

  for (const newEnough of ["20.19.0", "22.0.0"]) {
    it(`runs on Node ${newEnough}`, async () => {
      const run = await runAs(newEnough, ["--version"]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
    });
  }
});
