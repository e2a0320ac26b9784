import type { Commit, RawCommit } from "@buildinfo/core";
import { createTempGitRepo, type TempGitRepo } from "./temp-git-repo";

export interface ConformanceBuild {
  repo: TempGitRepo;
  /** The `origin` remote of the checkout, as build servers report it. */
  remoteUrl: "git@github.com:acme/shop-web.git";
  httpsRoot: "https://github.com/acme/shop-web";
  branch: "feature/SHOP-12-price-cache";
  /** The head of the previous build: the last commit before this build's changes. */
  previous: string;
  head: string;
  /** This build's changes, newest first, full messages. */
  buildCommits: RawCommit[];
  buildNumber: "311";
  /** What every adapter's draft must normalise to. */
  expected: {
    Branch: "feature/SHOP-12-price-cache";
    VcsType: "Git";
    VcsRoot: "https://github.com/acme/shop-web";
    VcsCommitNumber: string;
    Commits: Commit[];
  };
}

const historyBeforeTheBuild = [
  "Initial shop web skeleton",
  "SHOP-9 render the price list\n\nPrices come from the catalogue service.",
];

const changesOfTheBuild = [
  "SHOP-12 cache price lookups\n\nLookups are cached for five minutes per SKU.\nFixes #41",
  "Add cache metrics for SHOP-12",
  "Tidy the cache configuration\n\nCo-authored-by: Grace Tester <grace@example.com>",
];

/**
 * The one logical build every adapter's conformance test expresses in its own server's terms: two
 * commits on `main`, then a feature branch with three commits built as build 311.
 */
export async function createConformanceBuild(): Promise<ConformanceBuild> {
  const remoteUrl = "git@github.com:acme/shop-web.git";
  const branch = "feature/SHOP-12-price-cache";
  const repo = await createTempGitRepo({
    commits: historyBeforeTheBuild.map((message, index) => ({
      message,
      files: { [`src/page-${index}.ts`]: `export const page = ${index};\n` },
    })),
    branch,
    remoteUrl,
  });
  const previous = repo.shas.at(-1)!;
  for (const [index, message] of changesOfTheBuild.entries()) {
    repo.commit(message, { [`src/cache-${index}.ts`]: `export const cache = ${index};\n` });
  }
  const head = repo.shas.at(-1)!;
  const buildCommits = repo.shas
    .slice(historyBeforeTheBuild.length)
    .map((id, index) => ({ id, comment: changesOfTheBuild[index]! }))
    .reverse();
  return {
    repo,
    remoteUrl,
    httpsRoot: "https://github.com/acme/shop-web",
    branch,
    previous,
    head,
    buildCommits,
    buildNumber: "311",
    expected: {
      Branch: branch,
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: head,
      Commits: buildCommits.map((commit) => ({ Id: commit.id, Comment: commit.comment })),
    },
  };
}
