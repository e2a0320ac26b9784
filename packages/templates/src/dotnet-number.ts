// Numbers as .NET writes and reads them (en-US, the culture Octopus Server formats with; see
// docs/reference/octostache.md#culture).

import { isWhiteSpace, trimDotNet } from "./parser-combinators";

/** The shortest round-trip digits of a finite, non-zero double and the power of ten of its first digit + 1. */
export function shortestDigits(value: number): { digits: string; scale: number } {
  const [mantissa = "", exponent = "0"] = Math.abs(value).toExponential().split("e");
  return { digits: mantissa.replace(".", ""), scale: Number(exponent) + 1 };
}

/**
 * `double.ToString()` of .NET Core 3.0 and later: the shortest round-trip digits, in scientific notation when
 * the exponent is 15 or more or below -5 (`1E+15`, `1E-05`). `invariant` writes infinity as `Infinity` (as
 * Convert.ToString with the invariant culture does); `en-US` writes `∞`.
 */
export function formatDotNetDouble(value: number, culture: "invariant" | "en-US"): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) {
    const symbol = culture === "invariant" ? "Infinity" : "∞";
    return value > 0 ? symbol : `-${symbol}`;
  }
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (value === 0) return `${sign}0`;
  const { digits, scale } = shortestDigits(value);
  if (scale > Math.max(digits.length, 15) || scale < -3) {
    const exponent = scale - 1;
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}E${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (scale <= 0) return `${sign}0.${"0".repeat(-scale)}${digits}`;
  if (scale >= digits.length) return `${sign}${digits}${"0".repeat(scale - digits.length)}`;
  return `${sign}${digits.slice(0, scale)}.${digits.slice(scale)}`;
}

const infinityWords = new Map([
  ["infinity", Number.POSITIVE_INFINITY],
  ["∞", Number.POSITIVE_INFINITY],
  ["+infinity", Number.POSITIVE_INFINITY],
  ["+∞", Number.POSITIVE_INFINITY],
  ["-infinity", Number.NEGATIVE_INFINITY],
  ["-∞", Number.NEGATIVE_INFINITY],
  ["nan", Number.NaN],
  ["-nan", Number.NaN],
  ["+nan", Number.NaN],
]);

/** `double.TryParse(text)` (NumberStyles.Float | AllowThousands, en-US): undefined where .NET says false. */
export function parseDotNetDouble(text: string): number | undefined {
  const trimmed = trimDotNet(text);
  const word = infinityWords.get(trimmed.toLowerCase());
  if (word !== undefined) return word;
  const match = /^([+-]?)((?:\d|,(?=[\d,]*\d))*\d|)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(trimmed);
  if (match === null) return undefined;
  const [, sign = "", whole = "", fraction = "", exponent] = match;
  if (whole === "" && fraction === "") return undefined;
  if (whole.startsWith(",")) return undefined;
  return Number(`${sign}${whole.replaceAll(",", "") || "0"}.${fraction || "0"}e${exponent ?? "0"}`);
}

/** `int.TryParse(text)` (NumberStyles.Integer): whitespace around, one sign, ASCII digits, within Int32. */
export function parseDotNetInt32(text: string): number | undefined {
  const match = /^([+-]?)(\d+)$/.exec(trimDotNet(text));
  if (match === null) return undefined;
  const value = Number(`${match[1]}${match[2]}`);
  return value >= -2147483648 && value <= 2147483647 ? value : undefined;
}

/** A decimal number exactly as written: its sign and its digits either side of the point. */
export interface DecimalDigits {
  readonly negative: boolean;
  readonly whole: string;
  readonly fraction: string;
}

/** `decimal.TryParse(text)` (NumberStyles.Number, en-US): whitespace, a leading or trailing sign, thousands, a point. */
export function parseDotNetDecimal(text: string): DecimalDigits | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isWhiteSpace(text[start] as string)) start++;
  while (end > start && isWhiteSpace(text[end - 1] as string)) end--;
  const match = /^([+-]?)((?:\d|,(?=[\d,]*\d))*\d|)(?:\.(\d*))?([+-]?)$/.exec(text.slice(start, end));
  if (match === null) return undefined;
  const [, leading = "", whole = "", fraction = "", trailing = ""] = match;
  if ((leading !== "" && trailing !== "") || (whole === "" && fraction === "") || whole.startsWith(","))
    return undefined;
  const digits = whole.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  if (digits.length > 29) return undefined;
  return { negative: (leading || trailing) === "-", whole: digits || "0", fraction };
}
