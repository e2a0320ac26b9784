/**
 * Whose fault a failure is. `input` failures (bad flags, files, versions, an unsupported VCS) are
 * found before anything is sent and exit 2; `remote` failures (the server or the network) exit 1.
 */
export type ErrorKind = "input" | "remote";

export interface BuildInfoErrorOptions {
  /** What to do about it, addressed to the person reading the build log. */
  hint: string;
  kind?: ErrorKind;
  /** Where the bad value came from: a flag, an environment variable, a file, an API. */
  source?: string;
  cause?: unknown;
}

/** The one error class of the product: a stable `code` for scripts, a `hint` for people. */
export class BuildInfoError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly kind: ErrorKind;
  readonly source: string | undefined;

  constructor(code: string, message: string, options: BuildInfoErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "BuildInfoError";
    this.code = code;
    this.hint = options.hint;
    this.kind = options.kind ?? "input";
    this.source = options.source;
  }
}

export function isBuildInfoError(error: unknown): error is BuildInfoError {
  return error instanceof BuildInfoError;
}
