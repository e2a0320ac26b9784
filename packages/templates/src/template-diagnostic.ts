/** What a diagnostic is about (docs/reference/octostache.md#diagnostics). */
export type TemplateDiagnosticCode =
  /** The template does not parse; Octostache returns it unchanged, and so does renderTemplate. */
  | "parse-error"
  /** An expression had no value (a missing variable, a filter that refused its input); it is left as written. */
  | "unresolved"
  /** A filter Octostache does not have; the expression is left as written. */
  | "unknown-filter"
  /** The template used the `null` filter: Octostache returns null for the whole text, renderTemplate "". */
  | "null-result"
  /** A variable refers to itself; Octostache throws, renderTemplate returns the template unchanged. */
  | "recursive-definition"
  /** Octostache throws here (bad Base64, an unparsable version, …); renderTemplate returns the template unchanged. */
  | "evaluation-error"
  /** Something Octostache does but this implementation does not (a .NET-only format, a regex feature RE2 lacks). */
  | "unsupported"
  /** A limit on size, nesting or work was reached; the output stops there. */
  | "limit-exceeded";

/** One finding of a render, with where in the template it happened. */
export interface TemplateDiagnostic {
  readonly code: TemplateDiagnosticCode;
  readonly message: string;
  /** Line of the template token it concerns, from 1 (a `\n` ends a line). */
  readonly line: number;
  /** Column in that line, from 1. */
  readonly column: number;
  /** Offset from the start of the template, from 0. */
  readonly offset: number;
  /** For `unresolved` and `null-result`: the expression as Octostache writes it back into the output. */
  readonly expression?: string;
}
