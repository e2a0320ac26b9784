import type { CommitRange, RawCommit } from "../draft";
import type { EnvValue } from "./first-env";

export interface SelectCommitsInput {
  /** The server's name, for warnings: `GitLab CI`. */
  server: string;
  /** The commit that was built (`CI_COMMIT_SHA`). */
  head: EnvValue | undefined;
  /** The head of the previous build as the server reports it (`CI_COMMIT_BEFORE_SHA`); all zeros means none. */
  previous?: EnvValue | undefined;
  /**
   * Stand-ins for a missing previous commit, best first: a revision on the target of a pull or merge
   * request, whose `base..head` are the request's commits. Unset and all-zero ones are skipped.
   */
  bases?: readonly (EnvValue | undefined)[];
  /** The head commit's full message when the server gives it: then the head alone needs no checkout. */
  headMessage?: EnvValue | undefined;
  /**
   * Where the server's clone depth is set (`GIT_DEPTH`). It goes into the range's source, which the git
   * reader names when the range reaches past a shallow clone.
   */
  cloneDepth?: string | undefined;
}

/** The commit part of a draft: a list the server gave, or the range the git reader is to read. */
export interface CommitSelection {
  commits?: RawCommit[];
  commitRange?: CommitRange;
  /** The source of `commits` (a range's source is recorded by the git reader). */
  source?: string;
  warnings: string[];
}

const zeros = /^0+$/;

function usable(value: EnvValue | undefined): boolean {
  return value !== undefined && value.value.trim() !== "" && !zeros.test(value.value.trim());
}

/**
 * The rule shared by servers that report only the built commit and maybe the previous one:
 * 1. a previous commit that is not all zeros: `previous..head` from the checkout;
 * 2. else the first base: `base..head`, with a warning;
 * 3. else the head commit alone, from its message when the server gives it, else from the checkout as
 *    `head^..head` (for a merge commit that includes the commits it merged; for a repository's first
 *    commit, which has no parent, the git reader reads that commit alone), with a warning.
 */
export function selectCommits(input: SelectCommitsInput): CommitSelection {
  const { head, previous } = input;
  if (head === undefined) {
    return { warnings: [`${input.server} gave no commit for this build, so no commits are sent.`] };
  }
  const range = (from: string, fromSource: string): CommitRange => ({
    from,
    to: head.value.trim(),
    source:
      `${fromSource}..${head.source}` +
      (input.cloneDepth === undefined ? "" : `, clone depth set by ${input.cloneDepth}`),
  });
  if (previous !== undefined && usable(previous)) {
    return { commitRange: range(previous.value.trim(), previous.source), warnings: [] };
  }

  const why =
    previous !== undefined && zeros.test(previous.value.trim())
      ? `${previous.source} is all zeros (${input.server} knows no previous commit for this build)`
      : `${input.server} gives no previous commit for this build`;
  const base = input.bases?.find(usable);
  if (base !== undefined) {
    return {
      commitRange: range(base.value.trim(), base.source),
      warnings: [`${why}: reading the commits of ${base.source}..${head.source} instead.`],
    };
  }
  const more = "Pass --since <commit> to send the commits since then.";
  if (input.headMessage !== undefined) {
    return {
      commits: [{ id: head.value.trim(), comment: input.headMessage.value }],
      source: `${head.source} + ${input.headMessage.source}`,
      warnings: [`${why}: only the head commit (${head.source}) is sent. ${more}`],
    };
  }
  return {
    commitRange: range(`${head.value.trim()}^`, `${head.source}^`),
    warnings: [
      `${why}: only the head commit (${head.source}, and for a merge commit the commits it merged) is read ` +
        `from the checkout. ${more}`,
    ],
  };
}
