// Octostache's grammar, transcribed rule by rule from source/Octostache/Templates/TemplateParser.cs onto the
// Sprache-equivalent combinators of parser-combinators.ts (docs/reference/octostache.md#parsing).

import {
  andThen,
  anyChar,
  atLeastOnce,
  type ConsList,
  char,
  end,
  except,
  failure,
  isWhiteSpace,
  literal,
  literalChar,
  literalIgnoreCase,
  many,
  manyRule,
  map,
  optional,
  or,
  ParseInput,
  type Parser,
  type Result,
  returning,
  rule,
  sequence,
  success,
  toArray,
  token,
  trimDotNet,
  where,
  whiteSpace,
  xor,
} from "./parser-combinators";
import {
  type Calculation,
  CalculationToken,
  type Condition,
  ConditionalToken,
  type ContentExpression,
  FunctionCallExpression,
  Identifier,
  Indexer,
  RepetitionToken,
  SubstitutionToken,
  SymbolExpression,
  type SymbolStep,
  type TemplateToken,
  TextToken,
} from "./template-ast";

interface Positioned {
  position: { offset: number; line: number; column: number } | undefined;
}

/** Sprache's WithPosition: the value remembers where its parser started. */
function withPosition<T extends Positioned>(parser: Parser<T>): Parser<T> {
  return (input, at) => {
    const r = parser(input, at);
    if (r.ok) r.value.position = { offset: at, ...input.lineAndColumn(at) };
    return r;
  };
}

/** TemplateParser.FollowedBy, with its check that the lookahead is not at the very end of the text. */
function followedBy<T>(parser: Parser<T>, lookahead: string): Parser<T> {
  return (input, at) => {
    const r = parser(input, at);
    if (!r.ok) return r;
    if (r.rest >= input.text.length - lookahead.length) return failure(r.rest, lookahead);
    return input.text.startsWith(lookahead, r.rest) ? r : failure(r.rest, lookahead);
  };
}

/** TemplateParser.ExceptWhiteSpaceBeforeKeyword: whitespace ends an identifier before ` in `, ` == ` or ` != `. */
function exceptWhiteSpaceBeforeKeyword(parser: Parser<string>): Parser<string> {
  return (input, at) => {
    const r = parser(input, at);
    if (!r.ok || !isWhiteSpace(r.value)) return r;
    for (const keyword of ["in", "==", "!="]) {
      const length = keyword.length;
      if (input.text.length <= r.rest + length) continue;
      if (!isWhiteSpace(input.text[r.rest + length] as string)) continue;
      if (input.text.startsWith(keyword, r.rest)) return failure(r.rest, keyword);
    }
    return r;
  };
}

const isLetterOrDigit = (c: string) => /[\p{L}\p{Nd}]/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);
const identifierPunctuation = "_-:/~()@";

function identifierParser(allowWhiteSpace: boolean): Parser<Identifier> {
  const identifierChar = char(
    (c) => isLetterOrDigit(c) || (allowWhiteSpace && isWhiteSpace(c)) || identifierPunctuation.includes(c),
    "identifier",
  );
  const guarded = exceptWhiteSpaceBeforeKeyword(
    except(except(identifierChar, followedBy(whiteSpace, "|")), followedBy(whiteSpace, "}")),
  );
  return rule(() =>
    withPosition(map(atLeastOnce(guarded), (chars) => new Identifier(trimDotNet(chars.join(""))))),
  );
}

const identifier = identifierParser(true);
const identifierWithoutWhitespace = identifierParser(false);

const leftDelimiter = except(literal("#{"), literal("#{/"));
const rightDelimiter = literal("}");
const keyword = (text: string) => map(literalIgnoreCase(text), (t) => t.toLowerCase());
const whiteSpaces = many(whiteSpace);
const whiteSpacesAtLeastOnce = atLeastOnce(whiteSpace);
const elseIfDelimiter = sequence(literal("#{elseif"), whiteSpace);

const substitution: Parser<SubstitutionToken> = rule(
  () =>
    withPosition(
      map(
        sequence(leftDelimiter, token(expression), rightDelimiter),
        ([, content]) => new SubstitutionToken(content),
      ),
    ),
  true,
);

const symbolIndexer: Parser<Indexer> = withPosition(
  map(
    where(token(substitution), (s) => s.expression instanceof SymbolExpression),
    (s) => new Indexer(null, s.expression as SymbolExpression),
  ),
);

const stringIndexer: Parser<Indexer> = rule(
  () =>
    map(
      sequence(
        literalChar("["),
        token(
          many(
            or(
              map(stringIndexer, (nested) => nested.toString()),
              map(atLeastOnce(char((c) => c !== "]" && c !== "[", "not a bracket")), (chars) =>
                chars.join(""),
              ),
            ),
          ),
        ),
        literalChar("]"),
      ),
      ([, parts]) => new Indexer(parts.join("")),
    ),
  true,
);

const indexer: Parser<Indexer> = rule(() =>
  withPosition(
    or(
      withPosition(
        or(
          map(sequence(literalChar("["), token(symbolIndexer), literalChar("]")), ([, index]) => index),
          stringIndexer,
        ),
      ),
      map(sequence(literalChar("["), literalChar("]")), () => new Indexer("")),
    ),
  ),
);

const trailingStep: Parser<SymbolStep> = xor<SymbolStep>(
  andThen(literalChar("."), () => identifier),
  indexer,
);

const symbol: Parser<SymbolExpression> = rule(() =>
  withPosition(
    map(sequence(identifier, many(trailingStep)), ([first, rest]) => new SymbolExpression([first, ...rest])),
  ),
);

const quotedText: Parser<string> = token(
  map(
    sequence(literalChar('"'), many(char((c) => c !== '"' && c !== "#", "not a quote")), literalChar('"')),
    ([, content]) => content.join(""),
  ),
);

const escapedQuote = literal('\\"');
const escapedQuotedText: Parser<string> = token(
  map(sequence(escapedQuote, many(except(anyChar, escapedQuote)), escapedQuote), ([, content]) =>
    content.join(""),
  ),
);

const filterOption: Parser<TemplateToken> = or<TemplateToken>(
  (input, at) => conditional(input, at),
  (input, at) => calculation(input, at),
  (input, at) => repetition(input, at),
  substitution,
  map(
    or(
      map(token(identifierWithoutWhitespace), (t) => t.text),
      quotedText,
      escapedQuotedText,
    ),
    (text) => new TextToken(text),
  ),
);

const filter = andThen(literalChar("|"), () =>
  sequence(token(withPosition(identifierWithoutWhitespace)), optional(many(filterOption))),
);

// "Some trickery applied here to prevent a left-recursive definition" (TemplateParser.cs).
const filterChain: Parser<ContentExpression> = rule(() =>
  map(
    sequence(
      map(optional(token(symbol)), (s) => s ?? new SymbolExpression([])),
      atLeastOnce(filter),
    ),
    ([argument, chain]) =>
      chain.reduce<ContentExpression>(
        (left, [name, options]) => new FunctionCallExpression(name.text, left, options ?? [], name.position),
        argument,
      ),
  ),
);

const expression: Parser<ContentExpression> = rule(() => or<ContentExpression>(filterChain, symbol));

const equalityKeyword = or(token(keyword("==")), token(keyword("!=")));

const truthyMatch: Parser<Condition> = map(token(expression), (left) => ({ kind: "truthy", left }));
const expressionsMatch: Parser<Condition> = map(
  sequence(token(expression), equalityKeyword, token(expression)),
  ([left, operator, right]) => ({ kind: "expression", left, equal: operator === "==", right }),
);
const leftStringMatch: Parser<Condition> = map(
  sequence(or(token(quotedText), token(escapedQuotedText)), equalityKeyword, token(expression)),
  ([right, operator, left]) => ({ kind: "string", left, equal: operator === "==", right }),
);
const rightStringMatch: Parser<Condition> = map(
  sequence(token(expression), equalityKeyword, or(token(quotedText), token(escapedQuotedText))),
  ([left, operator, right]) => ({ kind: "string", left, equal: operator === "==", right }),
);
const condition: Parser<Condition> = or(
  token(expressionsMatch),
  token(leftStringMatch),
  token(rightStringMatch),
  token(truthyMatch),
);

interface ElseIfClause {
  position: ConditionalToken["position"];
  readonly condition: Condition;
  readonly body: readonly TemplateToken[];
}

// The body of an `#{if}` or an `#{elseif}` clause ends at the next `#{elseif`, the `#{else}` or the `#{/if}`;
// the body of an `#{unless}` (which has no `#{elseif}`) at the `#{else}` or the `#{/unless}`.
const templateTokens: Parser<ConsList<TemplateToken>> = manyRule(() => templateToken);
const ifTemplate: Parser<ConsList<TemplateToken>> = manyRule(() =>
  except(except(templateToken, literal("#{else}")), elseIfDelimiter),
);
const unlessTemplate: Parser<ConsList<TemplateToken>> = manyRule(() =>
  except(templateToken, literal("#{else}")),
);

const elseIf: Parser<ElseIfClause> = withPosition(
  map(
    sequence(elseIfDelimiter, condition, whiteSpaces, rightDelimiter, ifTemplate),
    ([, clauseCondition, , , body]): ElseIfClause => ({
      position: undefined,
      condition: clauseCondition,
      body: toArray(body),
    }),
  ),
);

const elseBranch = optional(map(sequence(literal("#{else}"), templateTokens), ([, body]) => toArray(body)));

/** Desugars an `#{elseif}` chain into conditionals nested in the falsy branch, as FoldElseIfClauses does. */
function foldElseIfClauses(
  clauses: readonly ElseIfClause[],
  elseTemplate: readonly TemplateToken[],
): TemplateToken[] {
  let falsy: TemplateToken[] = [...elseTemplate];
  for (const clause of [...clauses].reverse()) {
    const nested = new ConditionalToken(clause.condition, clause.body, falsy);
    nested.position = clause.position;
    falsy = [nested];
  }
  return falsy;
}

const ifRest = (head: Condition): Parser<ConditionalToken> =>
  map(
    sequence(ifTemplate, many(elseIf), elseBranch, literal("#{/if}")),
    ([truthy, elseIfs, elseTemplate]) =>
      new ConditionalToken(head, toArray(truthy), foldElseIfClauses(elseIfs, elseTemplate ?? [])),
  );
const unlessRest = (head: Condition): Parser<ConditionalToken> =>
  map(
    sequence(unlessTemplate, elseBranch, literal("#{/unless}")),
    ([truthy, elseTemplate]) => new ConditionalToken(head, elseTemplate ?? [], toArray(truthy)),
  );

const conditional: Parser<ConditionalToken> = rule(
  () =>
    withPosition(
      andThen(
        sequence(
          leftDelimiter,
          whiteSpaces,
          or(keyword("if"), keyword("unless")),
          whiteSpacesAtLeastOnce,
          condition,
          whiteSpaces,
          rightDelimiter,
        ),
        ([, , kind, , head]) => (kind === "if" ? ifRest(head) : unlessRest(head)),
      ),
    ),
  true,
);

const digits = map(atLeastOnce(char(isDigit, "digit")), (chars) => chars.join(""));
const decimalWithoutLeadingDigits = map(sequence(literal("."), digits), ([dot, fraction]) => dot + fraction);
const decimalWithLeadingDigits = andThen(digits, (whole) =>
  map(xor(decimalWithoutLeadingDigits, returning("")), (fraction) => whole + fraction),
);
const calculationConstant: Parser<Calculation> = map(
  xor(decimalWithLeadingDigits, decimalWithoutLeadingDigits),
  (text) => ({ kind: "constant", value: Number(text) }),
);
const wrappedCalculationVariable: Parser<Calculation> = map(
  sequence(literal("{"), whiteSpaces, token(symbol), whiteSpaces, rightDelimiter),
  ([, , variable]) => ({ kind: "variable", symbol: variable }),
);
const calculationVariable: Parser<Calculation> = map(token(symbol), (variable) => ({
  kind: "variable",
  symbol: variable,
}));
const calculationValue = xor(xor(calculationConstant, wrappedCalculationVariable), calculationVariable);
const operator = (text: "+" | "-" | "*" | "/") => map(token(literal(text)), () => text);

/** Sprache's ChainOperator: operands joined left to right while an operator and an operand follow. */
function chainOperator(
  operatorParser: Parser<"+" | "-" | "*" | "/">,
  operand: Parser<Calculation>,
): Parser<Calculation> {
  return (input, at) => {
    const first = operand(input, at);
    if (!first.ok) return first;
    let value = first.value;
    let position = first.rest;
    for (;;) {
      const op = operatorParser(input, position);
      if (!op.ok) break;
      const next = operand(input, op.rest);
      if (!next.ok) break;
      value = { kind: "operation", left: value, operator: op.value, right: next.value };
      position = next.rest;
    }
    return success(value, position);
  };
}

const calculationFactor: Parser<Calculation> = rule(
  () =>
    xor(
      map(sequence(literalChar("("), calculationExpression, literalChar(")")), ([, inner]) => inner),
      calculationValue,
    ),
  true,
);
const calculationTerm = chainOperator(or(operator("*"), operator("/")), calculationFactor);
const calculationExpression: Parser<Calculation> = chainOperator(
  or(operator("+"), operator("-")),
  calculationTerm,
);

const calculation: Parser<CalculationToken> = rule(() =>
  withPosition(
    map(
      sequence(
        leftDelimiter,
        whiteSpaces,
        keyword("calc"),
        whiteSpacesAtLeastOnce,
        calculationExpression,
        whiteSpaces,
        rightDelimiter,
      ),
      ([, , , , content]) => new CalculationToken(content),
    ),
  ),
);

const repetition: Parser<RepetitionToken> = rule(
  () =>
    withPosition(
      map(
        sequence(
          leftDelimiter,
          whiteSpaces,
          keyword("each"),
          whiteSpacesAtLeastOnce,
          token(identifier),
          token(keyword("in")),
          token(symbol),
          rightDelimiter,
          templateTokens,
          literal("#{/each}"),
        ),
        ([, , , , enumerator, , collection, , body]) =>
          new RepetitionToken(collection, enumerator, toArray(body)),
      ),
    ),
  true,
);

// `#` is text unless it starts `#{`; `##{` is an escaped `#{`, and `##` right before `#{` is one `#`.
const text: Parser<TextToken> = withPosition(
  map(
    atLeastOnce(
      or(
        char((c) => c !== "#", "text"),
        end(map(literalChar("#"), () => "#")),
        map(followedBy(literal("##"), "#{"), () => "#"),
        map(literal("##{"), () => "#{"),
        map(
          sequence(
            literalChar("#"),
            char((c) => c !== "{", "not a brace"),
          ),
          ([hash, c]) => hash + c,
        ),
      ),
    ),
    (parts) => new TextToken(parts.join("")),
  ),
);

const templateToken: Parser<TemplateToken> = rule(() =>
  or<TemplateToken>(conditional, calculation, repetition, substitution, text),
);

/** ContinueMany: where a token fails, the text it consumed becomes text and parsing goes on after it. */
const continueOnErrorsTemplate: Parser<TemplateToken[]> = (input, at) => {
  const tokens: TemplateToken[] = [];
  let remainder = at;
  let r: Result<TemplateToken> = templateToken(input, remainder);
  while (remainder !== r.rest) {
    tokens.push(r.ok ? r.value : new TextToken(input.text.slice(remainder, r.rest)));
    remainder = r.rest;
    r = templateToken(input, remainder);
  }
  return success(tokens, remainder);
};

const haltOnErrorTemplate: Parser<TemplateToken[]> = map(templateTokens, toArray);

export type ParsedTemplate =
  | { readonly ok: true; readonly tokens: readonly TemplateToken[] }
  | {
      readonly ok: false;
      readonly offset: number;
      readonly line: number;
      readonly column: number;
      readonly expected: string;
    };

/** TemplateParser.TryParseTemplate: the whole text as a template, or where it stopped making sense. */
export function parseTemplate(text: string, haltOnError: boolean, maxNesting: number): ParsedTemplate {
  const input = new ParseInput(text, maxNesting);
  const r = end(haltOnError ? haltOnErrorTemplate : continueOnErrorsTemplate)(input, 0);
  if (r.ok) return { ok: true, tokens: r.value };
  return { ok: false, offset: r.rest, ...input.lineAndColumn(r.rest), expected: r.expected };
}

/** TemplateParser.TryParseIdentifierPath: a variable's name as a symbol (what it starts with, like Sprache's TryParse). */
export function parseIdentifierPath(path: string, maxNesting: number): SymbolExpression | undefined {
  const r = symbol(new ParseInput(path, maxNesting), 0);
  return r.ok ? r.value : undefined;
}
