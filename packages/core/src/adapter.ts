import type { CollectionLimits } from "./collection-limits";
import type { CommitRange } from "./draft";

export type Environment = Readonly<Record<string, string | undefined>>;

export interface HttpRequestOptions {
  headers?: Record<string, string>;
  /** Basic credentials, kept out of every log line. */
  basicAuth?: { username: string; password: string } | undefined;
  bearerToken?: string;
  /** Epoch ms by which the request must end, retries included, when that is sooner than the client's own timeout. */
  deadline?: number;
  /** The most bytes of the answer to read, when fewer than the client's own cap; more is `E_RESPONSE_TOO_LARGE`. */
  maxBytes?: number;
  /** Ends the request (and its retries) when aborted: the collection's budget stops its reads with it. */
  signal?: AbortSignal;
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

/**
 * The options an adapter reads besides the environment, by the keys its manifest declares
 * (`AdapterManifest.options`): set by a command-line flag or by an embedder.
 */
export type AdapterOptions = Readonly<Record<string, string | undefined>>;

/** One read from a build server's API, for the degrade policy: what it is and how to fix its failure. */
export interface ServerRead {
  /** What is read, for the warning: `the build's changes from the TeamCity REST API`. */
  what: string;
  /** What to grant or set so the read succeeds next time. */
  fix: string;
}

/** Everything an adapter may touch, handed to it so it can be tested with plain objects. */
export interface AdapterContext {
  env: Environment;
  /** The build server's API, within the collection's bytes, requests and deadline (`limits`). */
  http: HttpClient;
  /** The collection's one budget, shared by every read: pass `limits.commits` to `collectPages`. */
  limits: CollectionLimits;
  fs: FileSystem;
  git: GitRunner;
  checkout: CheckoutReader;
  logger: Logger;
  options: AdapterOptions;
  /**
   * Reads from the build server's API under the collect pipeline's one degrade policy: when the read
   * fails remotely (an error status, an answer that cannot be read, the network), the failure is
   * recorded, to be warned about with its fix, and `undefined` is returned so the collector maps what it
   * knows without it; with `--strict` the failure is thrown. Any other error (invalid input, a bug) is
   * always thrown.
   */
  fromServer<T>(read: ServerRead, fetch: () => Promise<T>): Promise<T | undefined>;
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
