import { createTempGitRepo, type TempGitRepoOptions } from "@buildinfo/testing";
import { createGitRunner } from "../../src/index";
import { isolatedGitEnv } from "./isolated-git-env";

/**
 * A test file's `tempRepo(options)`: a temporary repository and a runner on it with the isolated git
 * environment, removed by that file's `cleanups`.
 */
export function tempRepoIn(cleanups: (() => Promise<void>)[]) {
  return async (options: TempGitRepoOptions) => {
    const repo = await createTempGitRepo(options);
    cleanups.push(repo.cleanup);
    return { repo, git: createGitRunner(repo.dir, { env: isolatedGitEnv() }) };
  };
}
