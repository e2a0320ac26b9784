import type { FilterContext, TemplateFunction } from "./filters/filter-context";
import type { Position, SymbolExpression } from "./template-ast";
import type { TemplateDiagnostic, TemplateDiagnosticCode } from "./template-diagnostic";
import { type TemplateLimits, WorkBudget } from "./template-limits";
import { type ParsedTemplate, parseIdentifierPath, parseTemplate } from "./template-parser";

/**
 * What one render shares: its limits and work budget, the parsed templates and names (Octostache caches
 * both, which is also what makes a symbol parsed twice the same object), the filters, and the diagnostics.
 */
export class RenderSession {
  readonly budget: WorkBudget;
  readonly diagnostics: TemplateDiagnostic[] = [];
  /** The innermost token of the top-level template being evaluated: where diagnostics point. */
  currentPosition: Position | undefined;
  /** Where the render was when something was thrown that stops it. */
  failedAt: Position | undefined;
  resolutionDepth = 0;
  private readonly templates = new Map<string, ParsedTemplate>();
  private readonly paths = new Map<string, SymbolExpression | undefined>();
  private readonly reported = new Set<string>();

  constructor(
    readonly limits: TemplateLimits,
    readonly filterContext: FilterContext,
    readonly extensions: ReadonlyMap<string, TemplateFunction>,
  ) {
    this.budget = new WorkBudget(limits.maxWork);
  }

  /** TemplateParser.TryParseTemplate with haltOnError, as every value is parsed. */
  parse(text: string): ParsedTemplate {
    let parsed = this.templates.get(text);
    if (parsed === undefined) {
      this.budget.spend(text.length);
      parsed = parseTemplate(text, true, this.limits.maxNesting);
      this.templates.set(text, parsed);
    }
    return parsed;
  }

  parsePath(name: string): SymbolExpression | undefined {
    if (this.paths.has(name)) return this.paths.get(name);
    this.budget.spend(name.length);
    const path = parseIdentifierPath(name, this.limits.maxNesting);
    this.paths.set(name, path);
    return path;
  }

  /** Records a diagnostic once per code, message and place. */
  report(
    code: TemplateDiagnosticCode,
    message: string,
    position = this.currentPosition,
    expression?: string,
  ): void {
    const where = position ?? { offset: 0, line: 1, column: 1 };
    const key = `${code}\u0000${message}\u0000${where.offset}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const place = { line: where.line, column: where.column, offset: where.offset };
    this.diagnostics.push(
      expression === undefined ? { code, message, ...place } : { code, message, ...place, expression },
    );
  }
}
