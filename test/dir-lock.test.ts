import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withDirLock } from "../scripts/dir-lock.mjs";

// The lock the release script and the wrapper and release tests share, so they never package at once.
describe("withDirLock", () => {
  let dir: string;
  let lock: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "buildinfo-lock-"));
    lock = join(dir, "nested", "work.lock");
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("holds the lock while the task runs, returns its result and releases it, even when it throws", () => {
    expect(withDirLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() =>
      withDirLock(lock, () => {
        throw new Error("failed task");
      }),
    ).toThrow("failed task");
    expect(existsSync(lock)).toBe(false);
  });

  it("waits for a held lock and gives up after waitMs", () => {
    mkdirSync(lock, { recursive: true });
    let ran = false;
    expect(() => withDirLock(lock, () => (ran = true), { waitMs: 300 })).toThrow(/EEXIST/);
    expect(ran).toBe(false);
  });

  it("takes over a lock left by a process that died", () => {
    mkdirSync(lock, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(withDirLock(lock, () => "ran", { waitMs: 5_000, staleMs: 30_000 })).toBe("ran");
  });
});
