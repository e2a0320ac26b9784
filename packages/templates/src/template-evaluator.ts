// Evaluation, as Octostache's TemplateEvaluator.cs and EvaluationContext.cs do it
// (docs/reference/octostache.md#evaluation): every value found is itself evaluated as a template, a name a
// scope does not have is looked up in the scope around it, JSON values are read for names they contain, and a
// symbol met again while it is being resolved is a self-referencing loop.

import { Binding, bindingFrom, TemplateEvaluationError } from "./binding";
import { formatDotNetDouble, parseDotNetDouble } from "./dotnet-number";
import { builtInFunction } from "./filters/built-in-functions";
import { jsonCollection, jsonProperty } from "./json-bindings";
import { OutputWriter } from "./output-writer";
import { trimDotNet } from "./parser-combinators";
import type { RenderSession } from "./render-session";
import {
  type Calculation,
  CalculationToken,
  ConditionalToken,
  type ContentExpression,
  FunctionCallExpression,
  Identifier,
  Indexer,
  RepetitionToken,
  SubstitutionToken,
  SymbolExpression,
  sameSteps,
  type TemplateToken,
  TextToken,
} from "./template-ast";
import { TemplateLimitError } from "./template-limits";

/** RecursiveDefinitionException, with its message. */
export class RecursiveDefinitionError extends Error {
  constructor(symbol: SymbolExpression, stack: readonly SymbolExpression[]) {
    super(
      `An attempt to parse the variable symbol "${symbol}" appears to have resulted in a self referencing loop ` +
        `(${[...stack, symbol].join(" -> ")}). Ensure that recursive loops do not exist in the variable values.`,
    );
  }
}

/** The tokens an evaluation could not evaluate, and those that were the `null` filter. */
interface Unevaluated {
  readonly missing: readonly string[];
  readonly nulls: readonly string[];
}

const nothingMissing: Unevaluated = { missing: [], nulls: [] };

interface Walked {
  readonly binding: Binding | null;
  readonly missing: readonly string[];
}

const eachIndex = "Octopus.Template.Each.Index";
const eachFirst = "Octopus.Template.Each.First";
const eachLast = "Octopus.Template.Each.Last";

export class EvaluationContext {
  private readonly symbolStack: SymbolExpression[] = [];

  constructor(
    readonly session: RenderSession,
    private readonly binding: Binding,
    readonly output: OutputWriter,
    private readonly parent?: EvaluationContext,
  ) {}

  /** Resolve: the value, or "" where there is none. */
  resolve(expression: SymbolExpression): { value: string; missing: readonly string[] } {
    const walked = this.walkTo(expression);
    return { value: walked.binding?.item ?? "", missing: walked.missing };
  }

  /** ResolveOptional: the value, or null where there is none. */
  resolveOptional(expression: SymbolExpression): { value: string | null; missing: readonly string[] } {
    const walked = this.walkTo(expression);
    return { value: walked.binding?.item ?? null, missing: walked.missing };
  }

  /** ResolveAll: what `#{each}` iterates: indexed names, else a JSON array or object, else a comma list. */
  resolveAll(collection: SymbolExpression): { items: Binding[]; missing: readonly string[] } {
    const walked = this.walkTo(collection);
    const value = walked.binding;
    if (value === null) return { items: [], missing: walked.missing };
    if (value.indexable.size !== 0) return { items: [...value.indexable.values()], missing: walked.missing };
    if (value.item === null) return { items: [], missing: walked.missing };
    this.session.budget.spend(value.item.length);
    const json = jsonCollection(value.item, this.session.filterContext.localOffsetMinutes);
    return { items: json ?? value.item.split(",").map((part) => new Binding(part)), missing: walked.missing };
  }

  beginChild(locals: Binding): EvaluationContext {
    return new EvaluationContext(this.session, locals, this.output, this);
  }

  private validateThatRecursionIsNotOccurring(expression: SymbolExpression): void {
    for (
      let ancestor: EvaluationContext | undefined = this;
      ancestor !== undefined;
      ancestor = ancestor.parent
    ) {
      if (ancestor.symbolStack.some((symbol) => sameSteps(symbol, expression))) {
        throw new RecursiveDefinitionError(expression, ancestor.symbolStack);
      }
    }
  }

  walkTo(expression: SymbolExpression): Walked {
    const session = this.session;
    session.budget.spend(1 + expression.steps.length);
    if (++session.resolutionDepth > session.limits.maxResolutionDepth) {
      throw new TemplateLimitError("resolution-depth", -1);
    }
    this.validateThatRecursionIsNotOccurring(expression);
    this.symbolStack.push(expression);
    try {
      let value = this.binding;
      const copy = this.copyExpression(expression);
      for (const step of copy.steps) {
        if (step instanceof Identifier) {
          const next = value.children.get(step.text) ?? this.tryCustomParsers(value, step.text);
          if (next !== undefined) {
            value = next;
            continue;
          }
        } else {
          if (step.isSymbol || step.index === null) return { binding: null, missing: [] };
          const next =
            step.index === "*" && value.indexable.size > 0
              ? (value.indexable.values().next().value as Binding)
              : (value.indexable.get(step.index) ?? this.tryCustomParsers(value, step.index));
          if (next !== undefined) {
            value = next;
            continue;
          }
        }
        return this.parent === undefined ? { binding: null, missing: [] } : this.parent.walkTo(copy);
      }
      return this.parseTemplate(value);
    } finally {
      this.symbolStack.pop();
      session.resolutionDepth--;
    }
  }

  /** EvaluationContext.ParseTemplate: a value with an item is evaluated as a template in a child scope. */
  private parseTemplate(value: Binding): Walked {
    const item = value.item;
    if (item === null) return { binding: value, missing: [] };
    // Text without `#{` parses as text and evaluates to itself; Octostache still returns a fresh binding.
    if (!item.includes("#{")) return { binding: new Binding(item), missing: [] };
    const parsed = this.session.parse(item);
    if (!parsed.ok) return { binding: value, missing: [] };
    const writer = new OutputWriter(this.session.limits.maxOutputLength, this.session.budget);
    const unevaluated = evaluateTemplate(
      parsed.tokens,
      new EvaluationContext(this.session, new Binding(), writer, this),
    );
    return { binding: new Binding(writer.toString()), missing: unevaluated.missing };
  }

  private tryCustomParsers(parent: Binding, property: string): Binding | undefined {
    if (parent.item === null || parent.item === "" || property === "") return undefined;
    let item: string | null = parent.item;
    if (item.includes("#{")) {
      try {
        item = this.parseTemplate(parent).binding?.item ?? null;
      } catch (error) {
        if (error instanceof RecursiveDefinitionError) return undefined;
        throw error;
      }
    }
    if (item === null) return undefined;
    this.session.budget.spend(item.length);
    return jsonProperty(item, property, this.session.filterContext.localOffsetMinutes);
  }

  /** CopyExpression: looked-up indexes are resolved here, in the scope the expression was written in. */
  private copyExpression(expression: SymbolExpression): SymbolExpression {
    if (!expression.steps.some((step) => step instanceof Indexer && step.isSymbol)) return expression;
    return new SymbolExpression(
      expression.steps.map((step) => {
        if (!(step instanceof Indexer) || step.symbol === undefined) return step;
        const index = this.walkTo(step.symbol).binding;
        return index === null ? new Indexer(null, this.copyExpression(step.symbol)) : new Indexer(index.item);
      }),
    );
  }
}

/** TemplateEvaluator.IsTruthy: anything but "0", "", "no" and "false" (case-insensitive, trimmed). */
export function isTruthy(value: string): boolean {
  const trimmed = trimDotNet(value).toLowerCase();
  return value !== "0" && value !== "" && trimmed !== "no" && trimmed !== "false";
}

/** TemplateEvaluator.Evaluate: writes the tokens to the context's output; returns what it could not evaluate. */
export function evaluateTemplate(
  tokens: readonly TemplateToken[],
  context: EvaluationContext,
  topLevel = false,
): Unevaluated {
  const evaluator = new TemplateEvaluator(topLevel);
  evaluator.evaluateTokens(tokens, context);
  return evaluator.unevaluated();
}

class TemplateEvaluator {
  private readonly missing: string[] = [];
  private readonly nulls: string[] = [];

  constructor(private readonly topLevel: boolean) {}

  unevaluated(): Unevaluated {
    if (this.missing.length === 0 && this.nulls.length === 0) return nothingMissing;
    return { missing: [...new Set(this.missing)], nulls: [...new Set(this.nulls)] };
  }

  evaluateTokens(tokens: readonly TemplateToken[], context: EvaluationContext): void {
    for (const token of tokens) this.evaluate(token, context);
  }

  private addMissing(tokens: readonly string[], context: EvaluationContext): void {
    if (tokens.length === 0) return;
    this.missing.push(...tokens);
    if (this.topLevel) {
      for (const token of tokens) {
        context.session.report("unresolved", `${token} could not be evaluated`, undefined, token);
      }
    }
  }

  private evaluate(token: TemplateToken, context: EvaluationContext): void {
    const session = context.session;
    session.budget.spend(1);
    const enclosing = session.currentPosition;
    if (this.topLevel && token.position !== undefined) session.currentPosition = token.position;
    try {
      if (token instanceof TextToken) context.output.write(token.text);
      else if (token instanceof SubstitutionToken) this.evaluateSubstitution(token, context);
      else if (token instanceof ConditionalToken) this.evaluateConditional(token, context);
      else if (token instanceof RepetitionToken) this.evaluateRepetition(token, context);
      else if (token instanceof CalculationToken) this.evaluateCalculationToken(token, context);
    } catch (error) {
      session.failedAt ??= session.currentPosition;
      throw error;
    } finally {
      session.currentPosition = enclosing;
    }
  }

  private evaluateCalculationToken(token: CalculationToken, context: EvaluationContext): void {
    const value = calculate(token.calculation, (symbol) => {
      const resolved = context.resolveOptional(symbol);
      this.addMissing(resolved.missing, context);
      return resolved.value;
    });
    context.output.write(value !== null ? formatDotNetDouble(value, "en-US") : token.toString());
  }

  private evaluateRepetition(token: RepetitionToken, context: EvaluationContext): void {
    const { items, missing } = context.resolveAll(token.collection);
    this.addMissing(missing, context);
    const session = context.session;
    items.forEach((item, i) => {
      const locals = bindingFrom(
        [
          [eachIndex, String(i)],
          [eachFirst, i === 0 ? "True" : "False"],
          [eachLast, i === items.length - 1 ? "True" : "False"],
        ],
        (name) => session.parsePath(name),
      );
      if (locals.children.has(token.enumerator.text)) {
        throw new TemplateEvaluationError(
          `An item with the same key has already been added. Key: ${token.enumerator.text}`,
        );
      }
      locals.children.set(token.enumerator.text, item);
      this.evaluateTokens(token.body, context.beginChild(locals));
    });
  }

  private evaluateConditional(token: ConditionalToken, context: EvaluationContext): void {
    const condition = token.condition;
    const left = this.side(condition.left, context);
    if (left === null) {
      context.output.write(token.toString());
      this.addMissing([condition.left.toString()], context);
      return;
    }
    let truthy: boolean;
    if (condition.kind === "string") {
      truthy = (left === condition.right) === condition.equal;
    } else if (condition.kind === "expression") {
      const right = this.side(condition.right, context);
      if (right === null) {
        context.output.write(token.toString());
        this.addMissing([condition.right.toString()], context);
        return;
      }
      truthy = (left === right) === condition.equal;
    } else {
      truthy = isTruthy(left);
    }
    this.evaluateTokens(truthy ? token.truthy : token.falsy, context);
  }

  /** One side of a condition: a symbol resolves to "" when missing, a filter chain to null. */
  private side(expression: ContentExpression, context: EvaluationContext): string | null {
    if (expression instanceof SymbolExpression) {
      const resolved = context.resolve(expression);
      this.addMissing(resolved.missing, context);
      return resolved.value;
    }
    return this.calculate(expression, context);
  }

  private evaluateSubstitution(token: SubstitutionToken, context: EvaluationContext): void {
    const value = this.calculate(token.expression, context);
    if (value === null) {
      const text = token.toString();
      if (token.expression instanceof FunctionCallExpression && token.expression.functionName === "null") {
        this.nulls.push(text);
        if (this.topLevel)
          context.session.report("null-result", `${text} makes the whole result null`, undefined, text);
      } else {
        this.addMissing([text], context);
      }
    }
    context.output.write(value ?? token.toString());
  }

  private calculate(expression: ContentExpression, context: EvaluationContext): string | null {
    if (expression instanceof SymbolExpression) {
      const resolved = context.resolveOptional(expression);
      this.addMissing(resolved.missing, context);
      return resolved.value;
    }
    const argument = this.calculate(expression.argument, context);
    const options = expression.options.map((option) => this.resolveOption(option, context));
    const session = context.session;
    const name = expression.functionName.toLowerCase();
    const builtIn = builtInFunction(name);
    const result = builtIn?.(argument, options, session.filterContext) ?? null;
    if (result !== null) return result;
    const extension = session.extensions.get(name);
    if (extension !== undefined) return callExtension(extension, argument, options, expression.functionName);
    if (builtIn === undefined) {
      session.report(
        "unknown-filter",
        `Octostache has no filter named ${expression.functionName}`,
        this.topLevel ? expression.namePosition : undefined,
      );
    }
    return null;
  }

  /** Resolve(option): a filter's option evaluated on its own, in a scope of its own. */
  private resolveOption(option: TemplateToken, context: EvaluationContext): string {
    const writer = new OutputWriter(context.session.limits.maxOutputLength, context.session.budget);
    this.evaluate(option, new EvaluationContext(context.session, new Binding(), writer, context));
    return writer.toString();
  }
}

function callExtension(
  extension: (argument: string | null, options: readonly string[]) => string | null,
  argument: string | null,
  options: readonly string[],
  name: string,
): string | null {
  try {
    const result = extension(argument, options);
    return typeof result === "string" ? result : null;
  } catch (error) {
    throw new TemplateEvaluationError(
      `The extension ${name} threw: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** CalculationToken's components: null where a variable is missing or not a number. */
function calculate(
  calculation: Calculation,
  resolve: (symbol: SymbolExpression) => string | null,
): number | null {
  switch (calculation.kind) {
    case "constant":
      return calculation.value;
    case "variable": {
      const text = resolve(calculation.symbol);
      return text === null ? null : (parseDotNetDouble(text) ?? null);
    }
    case "operation": {
      const left = calculate(calculation.left, resolve);
      if (left === null) return null;
      const right = calculate(calculation.right, resolve);
      if (right === null) return null;
      switch (calculation.operator) {
        case "+":
          return left + right;
        case "-":
          return left - right;
        case "*":
          return left * right;
        case "/":
          return left / right;
      }
    }
  }
}
