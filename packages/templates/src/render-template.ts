import { bindingFrom, TemplateEvaluationError } from "./binding";
import type { TemplateFunction } from "./filters/filter-context";
import { OutputWriter } from "./output-writer";
import { RenderSession } from "./render-session";
import type { TemplateDiagnostic } from "./template-diagnostic";
import { EvaluationContext, evaluateTemplate, RecursiveDefinitionError } from "./template-evaluator";
import { defaultLimits, TemplateLimitError, type TemplateLimits } from "./template-limits";
import { parseTemplate } from "./template-parser";

export interface RenderOptions {
  /** The clock NowDate and NowDateUtc read (default: the system clock). */
  readonly now?: () => Date;
  /** The Octopus server's offset from UTC in minutes, its "local" time for NowDate and dates (default 0). */
  readonly utcOffsetMinutes?: number;
  /**
   * false: where a token does not parse, its text is kept and parsing goes on (VariableDictionary.Evaluate's
   * haltOnError: false). true (the default, as Octopus evaluates): a template that does not parse is returned as it is.
   */
  readonly haltOnError?: boolean;
  /** `pass` (the default, as Markdig does): raw HTML in a MarkdownToHtml input stays HTML; `escape`: it is shown as text. */
  readonly markdownRawHtml?: "pass" | "escape";
  /** Extra filters by name (case-insensitive), as VariableDictionary.AddExtension adds them. */
  readonly extensions?: Readonly<Record<string, TemplateFunction>>;
  /** Bounds on size, nesting and work (see TemplateLimits). */
  readonly limits?: Partial<TemplateLimits>;
}

export interface RenderResult {
  /** The rendered text; "" where Octostache returns null (the `null` filter). */
  readonly output: string;
  readonly diagnostics: readonly TemplateDiagnostic[];
}

function limitsFrom(overrides: Partial<TemplateLimits> | undefined): TemplateLimits {
  const limits = { ...defaultLimits };
  for (const key of Object.keys(limits) as (keyof TemplateLimits)[]) {
    const value = overrides?.[key];
    if (typeof value === "number" && value >= 1) limits[key] = Math.floor(value);
  }
  return limits;
}

function variableEntries(
  variables: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
): [string, string][] {
  const entries = variables instanceof Map ? [...variables] : Object.entries(variables ?? {});
  return entries.map(([name, value]) => [
    String(name),
    value === null || value === undefined ? "" : String(value),
  ]);
}

const limitMessages = {
  nesting: "blocks, indexers or parentheses nest deeper than the nesting limit",
  "resolution-depth": "variables refer to variables more deeply than the resolution limit",
  output: "the output reached its size limit and was cut there",
  work: "rendering took more work than its limit; the output stops there",
} as const;

/**
 * Renders an Octostache template (an Octopus release-notes template, say) over a flat variable dictionary, as
 * Octopus's VariableDictionary.Evaluate does. Never throws: what Octostache would refuse or throw on, and what
 * this implementation does not support, comes back as diagnostics with its place in the template.
 */
export function renderTemplate(
  template: string,
  variables: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  options: RenderOptions = {},
): RenderResult {
  const limits = limitsFrom(options.limits);
  const extensions = new Map(
    Object.entries(options.extensions ?? {}).map(([name, f]) => [name.toLowerCase(), f] as const),
  );
  let session: RenderSession | undefined;
  let writer: OutputWriter | undefined;
  const text = String(template ?? "");
  try {
    session = new RenderSession(
      limits,
      {
        now: options.now ?? (() => new Date()),
        localOffsetMinutes: Number.isFinite(options.utcOffsetMinutes) ? Number(options.utcOffsetMinutes) : 0,
        markdownRawHtml: options.markdownRawHtml === "escape" ? "escape" : "pass",
        report: (code, message) => session?.report(code, message),
      },
      extensions,
    );
    // VariableDictionary.Evaluate returns a text without `#{` untouched.
    if (!text.includes("#{")) return { output: text, diagnostics: [] };
    session.budget.spend(text.length);
    const parsed = parseTemplate(text, options.haltOnError !== false, limits.maxNesting);
    if (!parsed.ok) {
      session.report(
        "parse-error",
        `The template does not parse at line ${parsed.line}, column ${parsed.column} (expected ${parsed.expected}); Octostache returns it unchanged`,
        parsed,
      );
      return { output: text, diagnostics: session.diagnostics };
    }
    const binding = bindingFrom(variableEntries(variables), (name) => session?.parsePath(name));
    writer = new OutputWriter(limits.maxOutputLength, session.budget);
    const unevaluated = evaluateTemplate(
      parsed.tokens,
      new EvaluationContext(session, binding, writer),
      true,
    );
    return {
      output: unevaluated.nulls.length > 0 ? "" : writer.toString(),
      diagnostics: session.diagnostics,
    };
  } catch (error) {
    return failedRender(error, text, session, writer);
  }
}

/** What renderTemplate returns where Octostache would throw or a limit was reached. */
function failedRender(
  error: unknown,
  template: string,
  session: RenderSession | undefined,
  writer: OutputWriter | undefined,
): RenderResult {
  const report = (code: TemplateDiagnostic["code"], message: string, offset?: number) => {
    if (session === undefined) return;
    const where = offset !== undefined && offset >= 0 ? offsetPosition(template, offset) : session.failedAt;
    session.report(code, message, where);
  };
  if (error instanceof TemplateLimitError) {
    report("limit-exceeded", limitMessages[error.kind], error.offset);
    const partial = error.kind === "output" || error.kind === "work";
    return {
      output: partial && writer !== undefined ? writer.toString() : template,
      diagnostics: session?.diagnostics ?? [],
    };
  }
  if (error instanceof RecursiveDefinitionError) report("recursive-definition", error.message);
  else if (error instanceof TemplateEvaluationError) report("evaluation-error", error.message);
  else if (error instanceof RangeError)
    report("limit-exceeded", "the template or its variables nest too deeply to evaluate");
  else
    report("evaluation-error", `Rendering failed: ${error instanceof Error ? error.message : String(error)}`);
  return { output: template, diagnostics: session?.diagnostics ?? [] };
}

function offsetPosition(text: string, offset: number): { offset: number; line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { offset, line, column: offset - before.lastIndexOf("\n") };
}
