// The parser combinators Octostache's grammar is written in (Sprache 2.3.1), with the same semantics so the
// grammar in template-parser.ts can be a line-by-line transcription of TemplateParser.cs
// (docs/reference/octostache.md#parsing):
// - `or` backtracks fully: when the first parser fails, wherever it failed, the second is tried at the same
//   input; when both fail, the failure that got further wins (Sprache's DetermineBestError).
// - `xor` tries the second only when the first failed without consuming input.
// - `many` never fails: it stops at the first failure (or at a success that consumed nothing).
// - `except(p, q)` fails where q succeeds, without consuming.
// Unlike Sprache, every parser named with `rule` is memoised per position (a packrat parser), `manyRule` shares
// its results between overlapping suffixes, and nesting is bounded: the same answers in linear time, where
// Sprache backtracks exponentially over unclosed blocks.

import { TemplateLimitError } from "./template-limits";

export type Success<T> = { readonly ok: true; readonly value: T; readonly rest: number };
export type Failure = { readonly ok: false; readonly rest: number; readonly expected: string };
export type Result<T> = Success<T> | Failure;
export type Parser<T> = (source: ParseInput, at: number) => Result<T>;

/** The text being parsed, its memo tables and the nesting depth reached so far. */
export class ParseInput {
  readonly memo = new Map<number, Map<number, Result<unknown>>>();
  depth = 0;
  private lineStarts: number[] | undefined;

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  /** Sprache's line (from 1) and column (from 1): a `\n` ends a line. */
  lineAndColumn(offset: number): { line: number; column: number } {
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++)
        if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] as number) + 1 };
  }
}

export const success = <T>(value: T, rest: number): Success<T> => ({ ok: true, value, rest });
export const failure = (rest: number, expected: string): Failure => ({ ok: false, rest, expected });

/** Sprache's DetermineBestError: the failure that got further. */
function bestFailure(first: Failure, second: Failure): Failure {
  return second.rest > first.rest ? second : first;
}

export function char(test: (c: string) => boolean, expected: string): Parser<string> {
  return (input, at) => {
    if (at >= input.text.length) return failure(at, expected);
    const c = input.text[at] as string;
    return test(c) ? success(c, at + 1) : failure(at, expected);
  };
}

export const literalChar = (c: string): Parser<string> => char((x) => x === c, c);
export const anyChar: Parser<string> = char(() => true, "any character");

/** Sprache's String: character by character, failing where the first difference is. */
export function literal(text: string): Parser<string> {
  return (input, at) => {
    for (let i = 0; i < text.length; i++) {
      if (input.text[at + i] !== text[i]) return failure(at + i, text);
    }
    return success(text, at + text.length);
  };
}

/** Sprache's IgnoreCase(string): the text as written in the input. */
export function literalIgnoreCase(text: string): Parser<string> {
  return (input, at) => {
    for (let i = 0; i < text.length; i++) {
      const c = input.text[at + i];
      if (c === undefined || c.toLowerCase() !== (text[i] as string).toLowerCase())
        return failure(at + i, text);
    }
    return success(input.text.slice(at, at + text.length), at + text.length);
  };
}

export function map<T, U>(parser: Parser<T>, f: (value: T) => U): Parser<U> {
  return (input, at) => {
    const r = parser(input, at);
    return r.ok ? success(f(r.value), r.rest) : r;
  };
}

export function andThen<T, U>(first: Parser<T>, next: (value: T) => Parser<U>): Parser<U> {
  return (input, at) => {
    const r = first(input, at);
    return r.ok ? next(r.value)(input, r.rest) : r;
  };
}

/** A sequence of parsers whose values are collected; fails where the first of them fails. */
export function sequence<T extends unknown[]>(...parsers: { [K in keyof T]: Parser<T[K]> }): Parser<T> {
  return (input, at) => {
    const values: unknown[] = [];
    let position = at;
    for (const parser of parsers) {
      const r = (parser as Parser<unknown>)(input, position);
      if (!r.ok) return r;
      values.push(r.value);
      position = r.rest;
    }
    return success(values as T, position);
  };
}

export function or<T>(...parsers: Parser<T>[]): Parser<T> {
  return parsers.reduce((first, second) => (input, at) => {
    const r = first(input, at);
    if (!r.ok) {
      const s = second(input, at);
      return s.ok ? s : bestFailure(r, s);
    }
    if (r.rest === at) {
      const s = second(input, at);
      return s.ok ? s : r;
    }
    return r;
  });
}

export function xor<T>(first: Parser<T>, second: Parser<T>): Parser<T> {
  return (input, at) => {
    const r = first(input, at);
    if (!r.ok) {
      if (r.rest !== at) return r;
      const s = second(input, at);
      return s.ok ? s : bestFailure(r, s);
    }
    if (r.rest === at) {
      const s = second(input, at);
      return s.ok ? s : r;
    }
    return r;
  };
}

export function many<T>(parser: Parser<T>): Parser<T[]> {
  return (input, at) => {
    const values: T[] = [];
    let position = at;
    for (;;) {
      const r = parser(input, position);
      if (!r.ok || r.rest === position) break;
      values.push(r.value);
      position = r.rest;
    }
    return success(values, position);
  };
}

export function atLeastOnce<T>(parser: Parser<T>): Parser<T[]> {
  const rest = many(parser);
  return (input, at) => {
    const first = parser(input, at);
    if (!first.ok) return first;
    const others = rest(input, first.rest);
    return success([first.value, ...(others as Success<T[]>).value], others.rest);
  };
}

export function optional<T>(parser: Parser<T>): Parser<T | undefined> {
  return (input, at) => {
    const r = parser(input, at);
    return r.ok ? r : success(undefined, at);
  };
}

export function except<T>(parser: Parser<T>, excepted: Parser<unknown>): Parser<T> {
  return (input, at) =>
    excepted(input, at).ok ? failure(at, "other than the excepted input") : parser(input, at);
}

/** Sprache's Where: fails at the start when the value does not pass. */
export function where<T>(parser: Parser<T>, test: (value: T) => boolean): Parser<T> {
  return (input, at) => {
    const r = parser(input, at);
    return r.ok && !test(r.value) ? failure(at, "a value that passes") : r;
  };
}

export function returning<T>(value: T): Parser<T> {
  return (_input, at) => success(value, at);
}

/** .NET's char.IsWhiteSpace. */
export function isWhiteSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0) return true;
  return code > 0xff && /[\p{Zs}\u2028\u2029]/u.test(c);
}

/** .NET's string.Trim(): removes leading and trailing char.IsWhiteSpace characters. */
export function trimDotNet(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isWhiteSpace(text[start] as string)) start++;
  while (end > start && isWhiteSpace(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

export const whiteSpace: Parser<string> = char(isWhiteSpace, "whitespace");
const whiteSpaces = many(whiteSpace);

/** Sprache's Token: whitespace on either side is consumed. */
export function token<T>(parser: Parser<T>): Parser<T> {
  return (input, at) => {
    const leading = whiteSpaces(input, at) as Success<string[]>;
    const r = parser(input, leading.rest);
    if (!r.ok) return r;
    const trailing = whiteSpaces(input, r.rest) as Success<string[]>;
    return success(r.value, trailing.rest);
  };
}

export function end<T>(parser: Parser<T>): Parser<T> {
  return (input, at) => {
    const r = parser(input, at);
    if (!r.ok) return r;
    return r.rest === input.text.length ? r : failure(r.rest, "end of input");
  };
}

let nextRuleId = 0;

/**
 * A named grammar rule: memoised per position (so backtracking never repeats work); a `nesting` rule (a block,
 * an indexer, parentheses) counts towards the nesting limit. `lazy` lets rules refer to rules defined after
 * them, as Sprache's Parse.Ref does.
 */
export function rule<T>(lazy: () => Parser<T>, nesting = false): Parser<T> {
  const id = nextRuleId++;
  let parser: Parser<T> | undefined;
  return (input, at) => {
    let table = input.memo.get(id);
    if (table === undefined) {
      table = new Map();
      input.memo.set(id, table);
    }
    const known = table.get(at);
    if (known !== undefined) return known as Result<T>;
    parser ??= lazy();
    if (nesting && ++input.depth > input.maxDepth) throw new TemplateLimitError("nesting", at);
    const r = parser(input, at);
    if (nesting) input.depth--;
    table.set(at, r);
    return r;
  };
}

/**
 * `many(parser)` memoised by position with its suffixes shared: a block that never closes makes every enclosing
 * block re-read the rest of the template, which this reads once (the values are cons lists, turned into arrays
 * only where a block is built).
 */
export type ConsList<T> = { readonly head: T; readonly tail: ConsList<T> } | undefined;

export function manyRule<T>(lazy: () => Parser<T>): Parser<ConsList<T>> {
  const id = nextRuleId++;
  let parser: Parser<T> | undefined;
  return (input, at) => {
    let table = input.memo.get(id) as Map<number, Success<ConsList<T>>> | undefined;
    if (table === undefined) {
      table = new Map();
      input.memo.set(id, table as Map<number, Result<unknown>>);
    }
    parser ??= lazy();
    const visited: { at: number; value: T }[] = [];
    let position = at;
    let tail: Success<ConsList<T>> | undefined = table.get(position);
    while (tail === undefined) {
      const r = parser(input, position);
      if (!r.ok || r.rest === position) {
        tail = success(undefined, position);
        table.set(position, tail);
        break;
      }
      visited.push({ at: position, value: r.value });
      position = r.rest;
      tail = table.get(position);
    }
    let list = tail.value;
    for (let i = visited.length - 1; i >= 0; i--) {
      const step = visited[i] as { at: number; value: T };
      list = { head: step.value, tail: list };
      table.set(step.at, success(list, tail.rest));
    }
    return table.get(at) as Success<ConsList<T>>;
  };
}

export function toArray<T>(list: ConsList<T>): T[] {
  const values: T[] = [];
  for (let node = list; node !== undefined; node = node.tail) values.push(node.head);
  return values;
}
