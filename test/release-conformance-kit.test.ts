import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverVectors } from "@buildinfo/conformance";
import AdmZip from "adm-zip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureRelease } from "./support/release-build";
import { repoRoot } from "./support/workspace-files";

// release/buildinfo-conformance-kit.zip as a plugin author in another language takes it: JSON files with
// a README, each the very file the repository's tests read, and histories git alone can rebuild.

const folder = "buildinfo-conformance-kit";

describe("the conformance kit's release asset", () => {
  let release: string;
  let dir: string;
  let kit: string;
  beforeAll(async () => {
    release = ensureRelease();
    dir = await mkdtemp(join(tmpdir(), "buildinfo-kit-zip-"));
    new AdmZip(join(release, "buildinfo-conformance-kit.zip")).extractAllTo(dir);
    kit = join(dir, folder);
  }, 15 * 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("is listed in SHA256SUMS by its name, at the top of release/", () => {
    const zip = readFileSync(join(release, "buildinfo-conformance-kit.zip"));
    const sum = createHash("sha256").update(zip).digest("hex");
    expect(readFileSync(join(release, "SHA256SUMS"), "utf8")).toContain(
      `${sum}  buildinfo-conformance-kit.zip\n`,
    );
  });

  it("holds the README, the schemas and every vector file, each the same bytes as its one source", () => {
    expect(readdirSync(dir)).toEqual([folder]);
    expect(readdirSync(kit).sort()).toEqual([
      "LICENSE",
      "README.md",
      "histories",
      "release-notes",
      "schema",
      "servers",
      "work-items",
    ]);
    const sources: [string, string][] = [
      ["servers", "packages/conformance/vectors/servers"],
      ["histories", "packages/conformance/vectors/histories"],
      ["schema", "packages/conformance/vectors/schema"],
      ["work-items", "packages/core/test/octopus-vectors"],
      ["release-notes", "packages/templates/test/octopus-docs"],
    ];
    for (const [inKit, source] of sources) {
      const files = readdirSync(join(repoRoot, source)).filter((name) => name.endsWith(".json"));
      expect(files.length, source).toBeGreaterThan(0);
      for (const name of files) {
        expect(readFileSync(join(kit, inKit, name), "utf8"), `${inKit}/${name}`).toBe(
          readFileSync(join(repoRoot, source, name), "utf8"),
        );
      }
    }
    expect(readdirSync(join(kit, "servers")).sort()).toEqual(
      serverVectors.map((file) => `${file.server}.json`).sort(),
    );
    expect(readFileSync(join(kit, "README.md"), "utf8")).toBe(
      readFileSync(join(repoRoot, "packages/conformance/vectors/README.md"), "utf8"),
    );
  });

  it("rebuilds each history with git fast-import alone, with the commit ids its recipe records", async () => {
    const streams = readdirSync(join(kit, "histories")).filter((name) => name.endsWith(".fast-import"));
    expect(streams.sort()).toEqual([
      "feature-branch.fast-import",
      "long-branch.fast-import",
      "merged-main.fast-import",
    ]);
    for (const stream of streams) {
      const repo = join(dir, stream.replace(".fast-import", ".git"));
      const git = (args: string[], input?: Buffer) =>
        execFileSync("git", args, {
          cwd: repo,
          input,
          encoding: "utf8",
          env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" },
        });
      execFileSync("git", ["init", "--quiet", "--bare", repo]);
      git(["fast-import", "--quiet"], readFileSync(join(kit, "histories", stream)));
      const recipe = JSON.parse(
        readFileSync(join(kit, "histories", stream.replace(".fast-import", ".json")), "utf8"),
      ) as {
        commits: { sha: string; repeat?: number }[];
      };
      const count = recipe.commits.reduce((sum, commit) => sum + (commit.repeat ?? 1), 0);
      expect(Number(git(["rev-list", "--all", "--count"]).trim()), stream).toBe(count);
      for (const commit of recipe.commits) expect(git(["cat-file", "-t", commit.sha]).trim()).toBe("commit");
    }
  });
});
