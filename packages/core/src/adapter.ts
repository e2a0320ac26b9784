import type { BuildInformationDraft } from "./draft";

export type Environment = Readonly<Record<string, string | undefined>>;

export interface HttpRequestOptions {
  headers?: Record<string, string>;
  /** Basic credentials, kept out of every log line. */
  basicAuth?: { username: string; password: string };
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

/** Everything an adapter may touch, handed to it so it can be tested with plain objects. */
export interface AdapterContext {
  env: Environment;
  http: HttpClient;
  fs: FileSystem;
  git: GitRunner;
  logger: Logger;
  /** Adapter-specific options from the command line, e.g. `vcsRootId` for TeamCity. */
  options: Readonly<Record<string, string | undefined>>;
}

export interface Adapter {
  /** The `--from` id: `jenkins`, `teamcity`, … */
  readonly id: string;
  /** The `BuildEnvironment` value. */
  readonly displayName: string;
  detect(env: Environment): boolean;
  collect(context: AdapterContext): Promise<BuildInformationDraft>;
}
