import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNodeScript } from "../packages/cli/test/helpers/run-cli";

const repository = fileURLToPath(new URL("..", import.meta.url));
const demo = join(repository, "scripts/demo.mjs");

interface StoredRecord {
  PackageId: string;
  VcsRoot: string | null;
  VcsCommitNumber: string | null;
  Commits: { Id: string }[];
}

/** The demo's stdout: the push summary, then the records the server stored as a JSON array. */
function storedRecords(stdout: string): StoredRecord[] {
  return JSON.parse(stdout.slice(stdout.indexOf("\n[\n") + 1)) as StoredRecord[];
}

describe("npm run demo", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "buildinfo-demo-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const clone = (name: string) => {
    const target = join(dir, name);
    // A local clone: its origin is this repository's path, as after `git clone ./buildinfo`.
    execFileSync("git", ["clone", "--quiet", repository, target]);
    return target;
  };
  const git = (checkout: string, ...args: string[]) =>
    execFileSync("git", ["-C", checkout, ...args], { encoding: "utf8" }).trim();

  it("pushes this repository's real build information without a warning, from a local clone", async () => {
    const checkout = clone("local");
    const result = await runNodeScript(demo, [checkout]);
    expect(result.code, result.stderr).toBe(0);
    // A newcomer's first run says nothing is wrong: no local-path VcsRoot, no "more than 200 commits".
    expect(result.stderr).not.toMatch(/warning/i);
    const records = storedRecords(result.stdout);
    expect(records.map((record) => record.PackageId)).toEqual([
      "Buildinfo.Demo.Web",
      "Buildinfo.Demo.Worker",
    ]);
    const head = git(checkout, "rev-parse", "HEAD");
    for (const record of records) {
      expect(record.VcsRoot).toBe("https://github.com/buildinfo/buildinfo");
      expect(record.VcsCommitNumber).toBe(head);
      // The checkout's own commits, newest first, as many as the build's range holds.
      expect(record.Commits[0]?.Id).toBe(head);
      expect(record.Commits.length).toBeGreaterThan(0);
      expect(record.Commits.length).toBeLessThanOrEqual(200);
      const since = /commits since HEAD~(\d+)/.exec(result.stderr)?.[1];
      expect(since, result.stderr).toBeDefined();
      expect(record.Commits.map((commit) => commit.Id)).toEqual(
        git(checkout, "rev-list", `HEAD~${since}..HEAD`).split("\n"),
      );
    }
  });

  it("keeps a clone's real origin as the VcsRoot", async () => {
    const checkout = clone("forked");
    git(checkout, "remote", "set-url", "origin", "git@github.com:acme/buildinfo-fork.git");
    const result = await runNodeScript(demo, [checkout]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/warning/i);
    for (const record of storedRecords(result.stdout)) {
      expect(record.VcsRoot).toBe("https://github.com/acme/buildinfo-fork");
    }
  });
});
