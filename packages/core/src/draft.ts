/** A commit as an adapter found it, before de-duplication, ordering and clean-up. */
export interface RawCommit {
  id: string;
  comment: string;
}

/**
 * Commits the adapter could not get from its server's API and asks the git reader to fill from the
 * checkout: `git log from..to` (or the whole history of `to` when `from` is absent).
 */
export interface CommitRange {
  from?: string | undefined;
  to: string;
  /** Where the range came from, e.g. `GIT_PREVIOUS_SUCCESSFUL_COMMIT..GIT_COMMIT`. */
  source: string;
}

export type DraftField =
  | "buildEnvironment"
  | "buildNumber"
  | "buildUrl"
  | "branch"
  | "vcsType"
  | "vcsRoot"
  | "vcsCommitNumber"
  | "commits";

/**
 * What an adapter maps out of its server: raw values in the server's own spelling. The core
 * normalises and validates it into a `BuildInformation`; adapters never do.
 */
export interface BuildInformationDraft {
  /** The server's name; a collector leaves it out and the pipeline sets its manifest's `displayName`. */
  buildEnvironment?: string | undefined;
  buildNumber?: string | undefined;
  buildUrl?: string | undefined;
  branch?: string | undefined;
  /** The server's own name for the VCS (`jetbrains.git`, `TfsGit`, `svn`, …). */
  vcsType?: string | undefined;
  vcsRoot?: string | undefined;
  vcsCommitNumber?: string | undefined;
  commits?: RawCommit[] | undefined;
  commitRange?: CommitRange | undefined;
  /** Where each value came from (`GIT_URL`, `teamcity.build.branch`, …), for error messages. */
  sources?: Partial<Record<DraftField, string>> | undefined;
  /** Things the adapter noticed that the user should see (a fallback taken, a shallow clone). */
  warnings?: string[] | undefined;
}
