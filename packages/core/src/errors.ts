import { catalogueEntry, type ErrorCode } from "./error-catalogue";

/**
 * Whose fault a failure is. `input` failures (bad flags, files, versions, an unsupported VCS) are
 * found before anything is sent and exit 2; `remote` failures (the server or the network) exit 1.
 * Each code's kind follows from its exit code in the catalogue.
 */
export type ErrorKind = "input" | "remote";

export interface BuildInfoErrorOptions {
  /** What to do about it, addressed to the person reading the build log; the catalogue's when absent. */
  hint?: string;
  /** Where the bad value came from: a flag, an environment variable, a file, an API. */
  source?: string | undefined;
  cause?: unknown;
}

/** The one error class of the product: a stable catalogue `code` for scripts, a `hint` for people. */
export class BuildInfoError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly kind: ErrorKind;
  readonly exitCode: 1 | 2;
  readonly source: string | undefined;

  constructor(code: ErrorCode, message: string, options: BuildInfoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const entry = catalogueEntry(code);
    this.name = "BuildInfoError";
    this.code = code;
    this.hint = options.hint ?? entry.hint;
    this.exitCode = entry.exitCode;
    this.kind = entry.exitCode === 2 ? "input" : "remote";
    this.source = options.source;
  }
}

export function isBuildInfoError(error: unknown): error is BuildInfoError {
  return error instanceof BuildInfoError;
}
