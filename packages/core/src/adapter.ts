import type { BuildInformationDraft, CommitRange } from "./draft";

export type Environment = Readonly<Record<string, string | undefined>>;

export interface HttpRequestOptions {
  headers?: Record<string, string>;
  /** Basic credentials, kept out of every log line. */
  basicAuth?: { username: string; password: string } | undefined;
  bearerToken?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** The HTTP a collector needs: GET, with the body as text. Errors are statuses, not throws. */
export interface HttpClient {
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

/** Runs the `git` binary in the checkout; never throws for a non-zero exit. */
export interface GitRunner {
  readonly cwd: string;
  run(args: readonly string[]): Promise<GitResult>;
}

export interface FileSystem {
  readFile(path: string): Promise<Buffer>;
  exists(path: string): Promise<boolean>;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

/** The checked-out commit, as git reports it. */
export interface Checkout {
  /** The full SHA of HEAD. */
  head: string;
  /** The checked-out branch; undefined for a detached HEAD (most CI checkouts). */
  branch?: string;
  /** The raw URL of `origin` (or of the first remote), possibly with credentials: the core strips them. */
  remoteUrl?: string;
}

/** The git reader's view of the checkout, for adapters that have no build server to ask. */
export interface CheckoutReader {
  read(): Promise<Checkout>;
  /** The commits a local run reports: `since..head`, else since the last tag, else all of `head`. */
  localRange(head: string, since: string | undefined): Promise<CommitRange>;
}

/** The options an adapter reads, each set by one command-line flag or by an embedder. */
export interface AdapterOptions {
  /** `--since REV`: where the git adapter's range starts. */
  since?: string | undefined;
  /** `--vcs-root-id`: the TeamCity VCS root to report when the build has several. */
  vcsRootId?: string | undefined;
  /** Bamboo: the plan repository whose `bamboo_planRepository_<name>_*` variables to read. */
  planRepository?: string | undefined;
  /** TeamCity: the REST format to ask for (`xml`, the default, or `json`). */
  restFormat?: "xml" | "json" | undefined;
  /** TeamCity: the page size of the changes request (a positive integer). */
  changesPageSize?: string | undefined;
}

/** Everything an adapter may touch, handed to it so it can be tested with plain objects. */
export interface AdapterContext {
  env: Environment;
  http: HttpClient;
  fs: FileSystem;
  git: GitRunner;
  checkout: CheckoutReader;
  logger: Logger;
  options: Readonly<AdapterOptions>;
}

/** A build server's native commands for problems and collapsible blocks in its build log. */
export interface CiLogCommands {
  readonly name: string;
  /** Whether the server also interprets commands written to stderr (TeamCity reads only stdout). */
  readonly readsStderr: boolean;
  /** Whether this process runs in a step whose log the server parses for these commands. */
  active(env: Environment): boolean;
  warning(message: string): string;
  error(message: string): string;
  startGroup(title: string): string;
  endGroup(title: string): string;
  /** Marks the build step failed, where the protocol has such a command. */
  failure(summary: string): string | undefined;
}

export interface Adapter {
  /** The `--from` id: `jenkins`, `teamcity`, … */
  readonly id: string;
  /** The `BuildEnvironment` value. */
  readonly displayName: string;
  detect(env: Environment): boolean;
  collect(context: AdapterContext): Promise<BuildInformationDraft>;
  /**
   * The variable showing this run is a re-run of an earlier attempt (`NAME=value`), when it is; the CLI
   * then defaults to `--overwrite-mode IgnoreIfExists` because the first attempt's record is likely there.
   */
  rerunMarker?(env: Environment): string | undefined;
  /** The server's log-command dialect, when its build log interprets one. */
  readonly logCommands?: CiLogCommands;
}
