import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterEach } from "vitest";

// What the since-deployed tests share: checkouts of acme/shop whose commits each name a work item
// (SHOP-1, SHOP-2, …), removed after each test along with whatever else the test registered.

/** Registers `afterEach` cleanup; returns `cleanups` (push more) and `repository` (a checkout of `commitCount` commits). */
export function sinceDeployedSetup(commitCount: number) {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  return {
    cleanups,
    async repository(options: Parameters<typeof createTempGitRepo>[0] = {}): Promise<TempGitRepo> {
      const repo = await createTempGitRepo({
        remoteUrl: "https://github.com/acme/shop",
        commits: Array.from({ length: commitCount }, (_, index) => ({
          message: `SHOP-${index + 1} change ${index + 1}`,
        })),
        ...options,
      });
      cleanups.push(repo.cleanup);
      return repo;
    },
  };
}
