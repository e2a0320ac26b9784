// The shapes of the kit's JSON files, as vectors/schema/*.schema.json define them (the schemas are the
// contract for other languages; these types are what the runner reads).

/** The build-information fields a vector expects, exactly as Octopus stores them (`null`: not sent). */
export interface ExpectedBuildInformation {
  BuildEnvironment: string;
  BuildNumber: string | null;
  BuildUrl: string | null;
  Branch: string | null;
  VcsType: "Git" | "TFVC";
  VcsRoot: string | null;
  VcsCommitNumber: string | null;
  Commits: { Id: string; Comment: string }[];
}

/** The fields compared one by one, in the order reports show them. */
export const expectedFields = [
  "BuildEnvironment",
  "BuildNumber",
  "BuildUrl",
  "Branch",
  "VcsType",
  "VcsRoot",
  "VcsCommitNumber",
  "Commits",
] as const satisfies readonly (keyof ExpectedBuildInformation)[];

/** A file the case writes into its files folder (`{files}`), from JSON, text or Java properties entries. */
export type FixtureFile =
  | { path: string; json: unknown }
  | { path: string; text: string }
  | { path: string; properties: Record<string, string> };

/** One answer of the fake build-server API: the first exchange whose request matches is served. */
export interface ApiExchange {
  request: {
    method?: string;
    /** The path as sent, percent-encoding included. */
    path: string;
    /** Parameters that must be present with these values; others are ignored. */
    query?: Record<string, string>;
    /** Headers (any case) whose value must contain this text. */
    headers?: Record<string, string>;
  };
  response: {
    status?: number;
    headers?: Record<string, string>;
    /** An object or array is sent as JSON; a string as it is. */
    body?: unknown;
  };
}

/** How the build server laid out its checkout of the case's history. */
export interface CheckoutSpec {
  /** The commit checked out. */
  commit: string;
  /** A local branch at `commit`; without it the checkout is a detached HEAD. */
  branch?: string;
  /** `origin`'s URL as the server configured it; without it the checkout has no remote. */
  remote?: string;
  /** What is fetched from the history; default every branch (as `refs/remotes/origin/*`) and every tag. */
  fetch?: string[];
  /** A shallow fetch of this many commits. */
  depth?: number;
}

export interface ConformanceCase {
  /** Unique within its server's file, kebab-case. */
  id: string;
  title: string;
  /** What of the kit's list this case exercises (`pull-request`, `many-commits`, …). */
  topics: string[];
  /** Where the behaviour is defined: the server's documentation, an issue, a reference page. */
  source: string;
  /** The history (vectors/histories/<name>.json) the checkout is made from; absent for TFVC and Subversion. */
  history?: string;
  checkout?: CheckoutSpec;
  files?: FixtureFile[];
  api?: ApiExchange[];
  /** The build's environment; `{api}`, `{checkout}` and `{files}` stand for the fixture's paths and URL. */
  env: Record<string, string>;
  /** Runs of the same build before this one (a re-run): each is the case's environment with these values. */
  earlierAttempts?: { env: Record<string, string> }[];
  /** The record Octopus must hold afterwards. */
  expected?: ExpectedBuildInformation;
  /** Instead of `expected`: the plugin must fail and push nothing, for this reason. */
  rejected?: string;
}

/** One build server's vector file: vectors/servers/<server>.json. */
export interface ServerVectors {
  /** The `--from` id of buildinfo's adapter, and the file's name. */
  server: string;
  /** The server's name (its BuildEnvironment). */
  name: string;
  /** The server's own documentation the variables come from. */
  sources: string[];
  cases: ConformanceCase[];
}

/** One commit (or, with `repeat`, a run of commits) of a history recipe. */
export interface HistoryCommit {
  /** How vectors and `parents` name it; with `repeat`, `{n}` is replaced by 1, 2, … */
  name: string;
  /** The branch it is made on (its first parent is that branch's tip, unless `parents` says). */
  branch?: string;
  /** A ref other than a branch that it is written to, e.g. `refs/pull/41/merge`. */
  ref?: string;
  parents?: string[];
  /** With `repeat`, `{n}` is replaced by the commit's number. */
  message: string;
  /** Files written (path → content) on top of the first parent's tree. */
  files?: Record<string, string>;
  /** This many commits, one after another. */
  repeat?: number;
  /** The commit's id (with `repeat`, the last one's): the recipe is deterministic, and the runner checks it. */
  sha: string;
}

/** A git history: vectors/histories/<name>.json. */
export interface HistoryRecipe {
  name: string;
  description: string;
  /** Author and committer of every commit. */
  author: { name: string; email: string };
  /** Seconds since the epoch (UTC) of the first commit; each next commit is one minute later. */
  start: number;
  commits: HistoryCommit[];
  /** Lightweight tags: name → commit name. */
  tags?: Record<string, string>;
}
