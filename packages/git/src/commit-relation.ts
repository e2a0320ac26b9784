import type { GitRunner } from "@buildinfo/core";
import { repositoryError } from "./git-command-error";
import { isShallowRepository } from "./is-shallow-repository";

/**
 * How `from` stands to `head` in the checkout: `ancestor` (so `from..head` is the commits since it),
 * `not-ancestor` (on another line of history: rewritten or never merged), or `missing` (the checkout
 * does not have it). `shallow` says whether the clone is shallow, where a missing commit or a broken line
 * may just be history that was not fetched.
 */
export async function commitRelation(
  git: GitRunner,
  from: string,
  head: string,
): Promise<{ relation: "ancestor" | "not-ancestor" | "missing"; shallow: boolean }> {
  const shallow = await isShallowRepository(git);
  const exists = await git.run(["cat-file", "-e", "--end-of-options", `${from}^{commit}`]);
  const refused = repositoryError(exists, git.cwd);
  if (refused !== undefined) throw refused;
  if (exists.exitCode !== 0) return { relation: "missing", shallow };
  const ancestor = await git.run(["merge-base", "--is-ancestor", "--end-of-options", from, head]);
  return { relation: ancestor.exitCode === 0 ? "ancestor" : "not-ancestor", shallow };
}
