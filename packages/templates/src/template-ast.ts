// The parsed form of a template, as Octostache's token and expression classes have it
// (source/Octostache/Templates/*.cs). `toString` reproduces their ToString exactly: an expression that
// cannot be evaluated is written back in that normalised form, not as typed.

import { formatDotNetDouble } from "./dotnet-number";

/** Where a token starts: Sprache's position (offset from 0, line and column from 1). */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

function samePosition(a: Position | undefined, b: Position | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.offset === b.offset && a.line === b.line && a.column === b.column;
}

export class Identifier {
  position: Position | undefined;
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export class Indexer {
  position: Position | undefined;
  constructor(
    /** The index text; null when a looked-up index had no value (Octostache's `new Indexer(index.Item)`). */
    readonly index: string | null,
    /** `[#{Symbol}]`: an index that is itself looked up. */
    readonly symbol?: SymbolExpression,
  ) {}
  get isSymbol(): boolean {
    return this.symbol !== undefined;
  }
  toString(): string {
    return `[${this.symbol !== undefined ? `#{${this.symbol}}` : (this.index ?? "")}]`;
  }
}

export type SymbolStep = Identifier | Indexer;

/**
 * Octostache's step equality (SymbolExpressionStep.Equals): the same kind, the same position in the text it
 * was parsed from, the same text; a looked-up index compares by reference. Only symbols parsed at the same
 * place count as the same symbol when the recursion check looks for a loop.
 */
export function sameStep(a: SymbolStep, b: SymbolStep): boolean {
  if (a === b) return true;
  if (a instanceof Identifier)
    return b instanceof Identifier && samePosition(a.position, b.position) && a.text === b.text;
  return (
    b instanceof Indexer &&
    samePosition(a.position, b.position) &&
    a.index === b.index &&
    a.symbol === b.symbol
  );
}

export class SymbolExpression {
  position: Position | undefined;
  constructor(readonly steps: readonly SymbolStep[]) {}
  toString(): string {
    let result = "";
    let join = "";
    for (const step of this.steps) {
      if (step instanceof Identifier) result += join;
      result += step.toString();
      join = ".";
    }
    return result;
  }
}

export function sameSteps(a: SymbolExpression, b: SymbolExpression): boolean {
  if (a === b) return true;
  if (a.steps.length !== b.steps.length) return false;
  return a.steps.every((step, i) => sameStep(step, b.steps[i] as SymbolStep));
}

export class FunctionCallExpression {
  position: Position | undefined;
  constructor(
    readonly functionName: string,
    readonly argument: ContentExpression,
    readonly options: readonly TemplateToken[],
    /** Where the filter's name is, for diagnostics. */
    readonly namePosition: Position | undefined,
  ) {}
  toString(): string {
    const options = this.options.map((option) =>
      option instanceof TextToken ? `"${option}"` : option.toString(),
    );
    return `${this.argument} | ${this.functionName}${options.length > 0 ? " " : ""}${options.join(" ")}`;
  }
}

export type ContentExpression = SymbolExpression | FunctionCallExpression;

export class TextToken {
  position: Position | undefined;
  constructor(readonly text: string) {}
  toString(): string {
    return this.text.replaceAll("#{", "##{");
  }
}

export class SubstitutionToken {
  position: Position | undefined;
  constructor(readonly expression: ContentExpression) {}
  toString(): string {
    return `#{${this.expression}}`;
  }
}

/** The condition of `#{if}`: a value's truthiness, or `==`/`!=` against a quoted string or another expression. */
export type Condition =
  | { readonly kind: "truthy"; readonly left: ContentExpression }
  | {
      readonly kind: "string";
      readonly left: ContentExpression;
      readonly equal: boolean;
      readonly right: string;
    }
  | {
      readonly kind: "expression";
      readonly left: ContentExpression;
      readonly equal: boolean;
      readonly right: ContentExpression;
    };

function equalityText(condition: Condition): string {
  if (condition.kind === "truthy") return "";
  const operator = condition.equal ? "==" : "!=";
  return condition.kind === "string"
    ? ` ${operator} "${condition.right}" `
    : ` ${operator} ${condition.right} `;
}

export class ConditionalToken {
  position: Position | undefined;
  constructor(
    readonly condition: Condition,
    readonly truthy: readonly TemplateToken[],
    readonly falsy: readonly TemplateToken[],
  ) {}
  toString(): string {
    const falsy = this.falsy.length === 0 ? "" : `#{else}${this.falsy.join("")}`;
    return `#{if ${this.condition.left}${equalityText(this.condition)}}${this.truthy.join("")}${falsy}#{/if}`;
  }
}

export class RepetitionToken {
  position: Position | undefined;
  constructor(
    readonly collection: SymbolExpression,
    readonly enumerator: Identifier,
    readonly body: readonly TemplateToken[],
  ) {}
  toString(): string {
    return `#{each ${this.enumerator} in ${this.collection}}${this.body.join("")}#{/each}`;
  }
}

export type CalculationOperator = "+" | "-" | "*" | "/";

export type Calculation =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "variable"; readonly symbol: SymbolExpression }
  | {
      readonly kind: "operation";
      readonly left: Calculation;
      readonly operator: CalculationOperator;
      readonly right: Calculation;
    };

export function calculationText(calculation: Calculation): string {
  switch (calculation.kind) {
    case "constant":
      return formatDotNetDouble(calculation.value, "invariant");
    case "variable":
      return calculation.symbol.toString();
    case "operation":
      return `${calculationText(calculation.left)}${calculation.operator}${calculationText(calculation.right)}`;
  }
}

export class CalculationToken {
  position: Position | undefined;
  constructor(readonly calculation: Calculation) {}
  toString(): string {
    return `#{${calculationText(this.calculation)}}`;
  }
}

export type TemplateToken =
  | TextToken
  | SubstitutionToken
  | ConditionalToken
  | RepetitionToken
  | CalculationToken;
