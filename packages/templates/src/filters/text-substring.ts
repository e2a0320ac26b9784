// TextSubstringFunction.cs: Substring LENGTH or Substring START LENGTH, non-negative; a length past the end is
// what remains, a start past the end is refused.

import { parseDotNetInt32 } from "../dotnet-number";

export function substring(argument: string | null, options: readonly string[]): string | null {
  if (argument === null || options.length === 0 || options.length > 2) return null;
  const numbers = options.map(parseDotNetInt32);
  if (numbers.some((n) => n === undefined || n < 0)) return null;
  const [first = 0, second] = numbers as number[];
  const start = second === undefined ? 0 : first;
  const length = second === undefined ? first : second;
  if (start > argument.length) return null;
  return argument.slice(start, start + Math.min(length, argument.length - start));
}
