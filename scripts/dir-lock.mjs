import { mkdirSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Runs `task` holding the lock directory `lock` (mkdir is atomic), so that processes that would write
 * the same files (test files run in parallel, the release script) take turns. Waits at most `waitMs`;
 * a lock older than `staleMs` was left by a process that died and is taken over.
 */
export function withDirLock(lock, task, { waitMs = 5 * 60_000, staleMs = 15 * 60_000 } = {}) {
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST" || Date.now() > deadline) throw error;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > staleMs)
        rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return task();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
