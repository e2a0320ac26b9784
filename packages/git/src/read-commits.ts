import {
  BuildInfoError,
  type CommitRange,
  type GitResult,
  type GitRunner,
  type RawCommit,
} from "@buildinfo/core";
import { gitCommandError, repositoryError } from "./git-command-error";
import { commitLogArgs } from "./git-commands";
import { isShallowRepository } from "./is-shallow-repository";
import { parseCommitLog } from "./parse-commit-log";

export interface ReadCommitsOptions {
  /** Stop after this many commits (`git log --max-count`); pass the core's cap + 1 to keep its warning. */
  maxCount?: number;
}

const DEEPEN_HINT =
  "Fetch more history before buildinfo runs: `git fetch --deepen=<N>` (N at least the number of commits " +
  "since the previous build) or `git fetch --unshallow`; or set the checkout depth on the build server: " +
  "GitHub Actions actions/checkout `fetch-depth: 0`, GitLab CI variable `GIT_DEPTH: 0`, Bitbucket Pipelines " +
  "`clone: depth: full`, Azure DevOps checkout `fetchDepth: 0`, Jenkins git 'Shallow clone' off.";

/** `from` values that mean "no previous commit": GitHub `before` and GitLab `CI_COMMIT_BEFORE_SHA` on a new branch. */
export function isNullRevision(revision: string | undefined): boolean {
  return revision === undefined || revision.trim() === "" || /^0{7,}$/.test(revision.trim());
}

/**
 * The commits of `from..to` (or the whole history of `to` when `from` is absent or all zeros), newest
 * first, merges included, full messages re-encoded to UTF-8. A revision that does not resolve gives
 * `E_SHALLOW_CLONE` in a shallow clone (deepening it is the fix) and `E_GIT_REVISION` otherwise.
 */
export async function readCommits(
  git: GitRunner,
  range: CommitRange,
  options: ReadCommitsOptions = {},
): Promise<RawCommit[]> {
  const from = isNullRevision(range.from) ? undefined : range.from?.trim();
  const revisions = from === undefined ? [range.to] : [`${from}..${range.to}`];
  const args = commitLogArgs(revisions, options.maxCount);
  const result = await git.run(args);
  if (result.exitCode === 0) return parseCommitLog(result.stdout);
  throw await explainLogFailure(git, args, result, from, range);
}

async function explainLogFailure(
  git: GitRunner,
  args: readonly string[],
  result: GitResult,
  from: string | undefined,
  range: CommitRange,
): Promise<BuildInfoError> {
  const refused = repositoryError(result, git.cwd);
  if (refused !== undefined) return refused;
  const wanted = from === undefined ? [range.to] : [from, range.to];
  const missing: string[] = [];
  for (const revision of wanted) {
    if (!(await resolvesToCommit(git, revision))) missing.push(revision);
  }
  if (missing.length === 0) return gitCommandError(args, result, git.cwd);
  const shown = from === undefined ? range.to : `${from}..${range.to}`;
  const stderr = result.stderr.trim();
  if (await isShallowRepository(git)) {
    return new BuildInfoError(
      "E_SHALLOW_CLONE",
      `Cannot read the commits ${shown} (from ${range.source}): ${missing.join(" and ")} ` +
        "is not in this clone, which is shallow.",
      { hint: DEEPEN_HINT, source: range.source },
    );
  }
  return new BuildInfoError(
    "E_GIT_REVISION",
    `Cannot read the commits ${shown} (from ${range.source}): git does not know ${missing.join(" and ")}` +
      (stderr === "" ? "." : ` (${stderr}).`),
    {
      hint:
        "The commit may never have been fetched into this checkout, or history was rewritten (force push). " +
        "Fetch it (`git fetch origin <sha>`) or give a reachable start with --since.",
      source: range.source,
    },
  );
}

async function resolvesToCommit(git: GitRunner, revision: string): Promise<boolean> {
  const result = await git.run([
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${revision}^{commit}`,
  ]);
  return result.exitCode === 0;
}
