/** Runs `task` holding the lock directory `lock`; see dir-lock.mjs. */
export function withDirLock<T>(
  lock: string,
  task: () => T,
  options?: { waitMs?: number; staleMs?: number },
): T;
