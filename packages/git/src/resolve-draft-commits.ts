import type { BuildInformationDraft, CommitRange, GitRunner, RawCommit } from "@buildinfo/core";
import { isShallowRepository } from "./is-shallow-repository";
import { isNullRevision, type ReadCommitsOptions, readCommits } from "./read-commits";
import { withoutRootParent } from "./root-commit-range";

/**
 * Fills `commits` from the checkout when the adapter asked for a `commitRange` and found no commits
 * itself. The draft is returned unchanged otherwise; it is never mutated.
 */
export async function resolveDraftCommits(
  draft: BuildInformationDraft,
  git: GitRunner,
  options: ReadCommitsOptions = {},
): Promise<BuildInformationDraft> {
  if (draft.commitRange === undefined || draft.commits !== undefined) return draft;
  const { range, commits } = await readRange(git, draft.commitRange, options);
  const warnings = [...(draft.warnings ?? [])];
  const wholeHistory = isNullRevision(range.from);
  if (wholeHistory && range.from !== undefined && range.from.trim() !== "") {
    warnings.push(
      `${range.source}: the previous commit is all zeros (a new branch or a first build); ` +
        `reading the whole history of ${range.to}.`,
    );
  }
  if (wholeHistory && (await isShallowRepository(git))) {
    warnings.push(
      `The clone is shallow, so the history of ${range.to} read here (${commits.length} commit(s)) may be ` +
        "incomplete. Fetch the full history (e.g. `git fetch --unshallow`) for a complete list.",
    );
  }
  return {
    ...draft,
    commits,
    sources: { ...draft.sources, commits: `git log ${range.source}` },
    ...(warnings.length === 0 ? {} : { warnings }),
  };
}

/**
 * The commits of `range`, or, when git refused it because its `X^` start names the parent of a root
 * commit, the whole history of its end. The parent is checked only after the refusal: one `git log`
 * for every range that reads, an extra process only for the rare one that does not.
 */
async function readRange(
  git: GitRunner,
  range: CommitRange,
  options: ReadCommitsOptions,
): Promise<{ range: CommitRange; commits: RawCommit[] }> {
  try {
    return { range, commits: await readCommits(git, range, options) };
  } catch (error) {
    const rootRange = await withoutRootParent(git, range);
    if (rootRange === range) throw error;
    return { range: rootRange, commits: await readCommits(git, rootRange, options) };
  }
}
