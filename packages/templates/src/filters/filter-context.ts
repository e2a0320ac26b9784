import type { TemplateDiagnosticCode } from "../template-diagnostic";

/** What a filter may use besides its input: the clock, the server's time zone, the Markdown mode, a way to report. */
export interface FilterContext {
  /** The current time (NowDate, NowDateUtc). */
  now(): Date;
  /** The Octopus server's offset from UTC in minutes: its "local" time (NowDate, dates with an offset). */
  readonly localOffsetMinutes: number;
  /** `pass`: raw HTML in Markdown goes through, as Markdig's does; `escape`: it is escaped. */
  readonly markdownRawHtml: "pass" | "escape";
  report(code: TemplateDiagnosticCode, message: string): void;
}

/** A filter as Octostache calls one: its input (null when missing) and its options; null means "cannot". */
export type TemplateFunction = (argument: string | null, options: readonly string[]) => string | null;

/** A built-in filter: a TemplateFunction that also gets the render's FilterContext. */
export type BuiltInFunction = (
  argument: string | null,
  options: readonly string[],
  context: FilterContext,
) => string | null;
