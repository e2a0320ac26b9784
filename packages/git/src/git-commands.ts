// The git invocations of the reader, and the environment it runs git with.

/** The checked-out commit. */
export const headCommitArgs: readonly string[] = ["rev-parse", "--verify", "HEAD^{commit}"];

/** The commits of `revisions`, newest first, full messages re-encoded to UTF-8, NUL-separated. */
export function commitLogArgs(revisions: readonly string[], maxCount?: number): string[] {
  return [
    "log",
    "-z",
    "--format=%H%x00%B",
    "--encoding=UTF-8",
    "--no-show-signature",
    "--no-color",
    ...(maxCount === undefined ? [] : [`--max-count=${maxCount}`]),
    "--end-of-options",
    ...revisions,
    "--",
  ];
}

/** git's environment: no prompts, no pager, C locale (so stderr can be matched), no optional locks. */
export function gitEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    LC_ALL: "C",
    LANGUAGE: "C",
    GIT_TERMINAL_PROMPT: "0",
    GIT_PAGER: "cat",
    PAGER: "cat",
    GIT_OPTIONAL_LOCKS: "0",
  };
}
