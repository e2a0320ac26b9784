import { createTempGitRepo, type TempGitRepo } from "./temp-git-repo";

const branch = "feature/SHOP-7-coupons";

const mainCommits = ["Initial commit", "SHOP-3 checkout page\n\nAdds the basket summary."];

const featureCommits = [
  "SHOP-7 coupon codes\n\nCodes are validated against the promotions service.\nCloses #12",
  "Fix coupon rounding",
];

export interface FeatureBranchRepoOptions {
  /** Becomes `origin`, as the build server's checkout has it. */
  remoteUrl: string;
  /** The same four commits as a depth-1 clone of the feature branch. */
  shallowClone?: boolean;
}

/**
 * `main` with two commits (shas[0], shas[1]), then `feature/SHOP-7-coupons`, checked out, with two more
 * (shas[2], shas[3]); the third references SHOP-7 and closes #12.
 */
export async function createFeatureBranchRepo(options: FeatureBranchRepoOptions): Promise<TempGitRepo> {
  const { remoteUrl } = options;
  if (options.shallowClone) {
    const commits = [...mainCommits, ...featureCommits].map((message) => ({ message }));
    return createTempGitRepo({ commits, branch, remoteUrl, shallowClone: true });
  }
  const repo = await createTempGitRepo({
    commits: mainCommits.map((message) => ({ message })),
    branch,
    remoteUrl,
  });
  for (const message of featureCommits) repo.commit(message);
  return repo;
}
