import type { BuildInformationDraft, GitRunner } from "@buildinfo/core";
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
  const range = await withoutRootParent(git, draft.commitRange);
  const warnings = [...(draft.warnings ?? [])];
  const wholeHistory = isNullRevision(range.from);
  if (wholeHistory && range.from !== undefined && range.from.trim() !== "") {
    warnings.push(
      `${range.source}: the previous commit is all zeros (a new branch or a first build); ` +
        `reading the whole history of ${range.to}.`,
    );
  }
  const commits = await readCommits(git, range, options);
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
