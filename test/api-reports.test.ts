import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/workspace-files";

const run = promisify(execFile);
const reports = () => readdirSync(join(repoRoot, "docs/api")).filter((name) => name.endsWith(".api.md"));

// docs/api/<package>.api.md is each public package's API as api-extractor reads its declarations: an
// export added or dropped without `npm run generate` fails here, so the surface cannot grow by accident.
describe("the public API of each package", () => {
  it("is the one docs/api/ records", async () => {
    const result = await run(process.execPath, ["scripts/api-reports.mjs", "--check"], {
      cwd: repoRoot,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 240_000);

  it("documents every export with a TSDoc line and leaves none out of its entry point", () => {
    expect(reports().length).toBeGreaterThanOrEqual(7);
    for (const name of reports()) {
      const lines = readFileSync(join(repoRoot, "docs/api", name), "utf8").split("\n");
      const undocumented = lines
        .filter((line, i) => line.startsWith("export ") && lines[i - 1] === "// (undocumented)")
        .map((line) => `${name}: ${line}`);
      expect(undocumented).toEqual([]);
      expect(
        lines.filter((line) => line.includes("ae-forgotten-export")),
        name,
      ).toEqual([]);
    }
  });
});
