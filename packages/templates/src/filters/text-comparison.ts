// TextComparisonFunctions.cs and TextReplaceFunction.cs: Match, StartsWith, EndsWith and Contains answer
// "true" or "false"; Replace rewrites with a regular expression. All compare ordinally (case-sensitive).

import { regexIsMatch, regexReplace } from "./dotnet-regex";
import type { FilterContext } from "./filter-context";

const answer = (value: boolean | undefined) => (value === undefined ? null : String(value));

export function match(
  argument: string | null,
  options: readonly string[],
  context: FilterContext,
): string | null {
  if (argument === null || options.length !== 1) return null;
  return answer(regexIsMatch(argument, options[0] as string, context));
}

export const startsWith = (argument: string | null, options: readonly string[]): string | null =>
  argument === null || options.length !== 1 ? null : String(argument.startsWith(options[0] as string));

export const endsWith = (argument: string | null, options: readonly string[]): string | null =>
  argument === null || options.length !== 1 ? null : String(argument.endsWith(options[0] as string));

export const contains = (argument: string | null, options: readonly string[]): string | null =>
  argument === null || options.length !== 1 ? null : String(argument.includes(options[0] as string));

/** Replace PATTERN [REPLACEMENT]: every match replaced (by "" without a replacement). */
export function replace(
  argument: string | null,
  options: readonly string[],
  context: FilterContext,
): string | null {
  if (argument === null || options.length === 0) return null;
  return regexReplace(argument, options[0] as string, options[1] ?? "", context) ?? null;
}
