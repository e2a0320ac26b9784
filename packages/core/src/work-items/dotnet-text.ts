// The .NET text rules the trackers' C# relies on, written for JavaScript regular expressions (flag `u`).
// docs/reference/octopus-work-items.md#net-text-rules

/** .NET's `\s` and `char.IsWhiteSpace`: U+0009–U+000D, U+0085 and the Unicode separators (JavaScript's `\s` adds U+FEFF and lacks U+0085). */
export const dotnetWhitespace = String.raw`[\t\n\v\f\r\x85\p{Z}]`;

/** .NET's `\d`: any Unicode decimal digit, not only 0–9. */
export const dotnetDigit = String.raw`\p{Nd}`;

/** .NET's `.`: any character but `\n` (JavaScript's also stops at `\r`, U+2028 and U+2029). */
export const dotnetAnyButNewline = String.raw`[^\n]`;

const blank = new RegExp(`^${dotnetWhitespace}*$`, "u");
const edges = new RegExp(`^${dotnetWhitespace}+|${dotnetWhitespace}+$`, "gu");

/** `string.IsNullOrWhiteSpace`. */
export function isNullOrWhiteSpace(value: string | null | undefined): value is null | undefined | "" {
  return value === null || value === undefined || blank.test(value);
}

/** `string.Trim()`. */
export function dotnetTrim(value: string): string {
  return value.replace(edges, "");
}

/**
 * `int.Parse` (invariant): optional white space and sign around ASCII digits; undefined where .NET throws
 * (anything else, or outside the 32-bit range).
 */
export function parseInt32(value: string | null | undefined): number | undefined {
  const match = /^[\t\n\v\f\r ]*([+-]?[0-9]+)[\t\n\v\f\r ]*$/.exec(value ?? "");
  const number = match ? Number(match[1]) : Number.NaN;
  return number >= -2_147_483_648 && number <= 2_147_483_647 ? number : undefined;
}
