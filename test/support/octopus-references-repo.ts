import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";

/**
 * A checkout whose commits reference work items in each way Octopus's trackers read or pass over: a
 * closing keyword (`Fixes #12`), none (`See #13`), a Jira key, an Azure Boards mention outside Azure DevOps
 * and a keyword inside a word (`hotfix #14`); origin is GitHub over ssh.
 */
export function createReferencesRepo(): Promise<TempGitRepo> {
  return createTempGitRepo({
    remoteUrl: "git@github.com:acme/shop.git",
    commits: [
      { message: "Fixes #12", files: { "a.txt": "1" } },
      { message: "See #13", files: { "b.txt": "2" } },
      { message: "ACME-42 cache the basket", files: { "c.txt": "3" } },
      { message: "fix AB#123 rounding of totals", files: { "d.txt": "4" } },
      { message: "hotfix #14", files: { "e.txt": "5" } },
    ],
  });
}
