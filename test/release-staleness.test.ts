import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isReleaseStale } from "../scripts/release/release-staleness.mjs";

// `npm run release --if-stale` (what the release test runs) rebuilds release/ only when a source is
// newer than its SHA256SUMS: not when a test re-stages a wrapper's git-ignored bundle or a test changes.
describe("whether release/ is stale", () => {
  let root: string;
  const built = new Date("2026-01-01T12:00:00Z");
  const before = new Date("2026-01-01T11:00:00Z");
  const after = new Date("2026-01-01T13:00:00Z");

  function write(path: string, time: Date): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), path);
    utimesSync(join(root, path), time, time);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "buildinfo-staleness-"));
    expect(spawnSync("git", ["init", "-q"], { cwd: root }).status).toBe(0);
    write(".gitignore", before);
    writeFileSync(join(root, ".gitignore"), "bundle/\n/release/\n");
    write("package.json", before);
    write("packages/core/src/index.ts", before);
    write("packages/core/test/index.test.ts", before);
    write("wrappers/github-action/action.yml", before);
    write("wrappers/github-action/bundle/index.js", before);
    write("release/SHA256SUMS", built);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is not stale when only outputs or tests are newer than release/", () => {
    expect(isReleaseStale(root)).toBe(false);
    write("wrappers/github-action/bundle/index.js", after);
    write("packages/core/test/index.test.ts", after);
    expect(isReleaseStale(root)).toBe(false);
  });

  it("is stale when a source, tracked or new, is newer, or release/ is missing", () => {
    write("wrappers/github-action/action.yml", after);
    expect(isReleaseStale(root)).toBe(true);
    write("wrappers/github-action/action.yml", before);
    write("packages/core/src/new-rule.ts", after);
    expect(isReleaseStale(root)).toBe(true);
    rmSync(join(root, "packages/core/src/new-rule.ts"));
    expect(isReleaseStale(root)).toBe(false);
    write("tsconfig.json", after); // its paths decide what the bundles are built from
    expect(isReleaseStale(root)).toBe(true);
    rmSync(join(root, "tsconfig.json"));
    rmSync(join(root, "release"), { recursive: true });
    expect(isReleaseStale(root)).toBe(true);
  });
});
