// Int32, Double and Decimal .ToString(format) in en-US for the Format filter: the standard formats (C, D, E, F,
// G, N, P, R, X with a precision) and the custom ones (0 # . , % ‰ E0, quoted literals, sections), on exact
// decimal digits and rounded half away from zero as .NET does (docs/reference/octostache.md#numbers).

import { type DecimalDigits, formatDotNetDouble } from "../dotnet-number";

export type DotNetNumber =
  | { readonly kind: "int"; readonly value: number }
  | { readonly kind: "double"; readonly value: number }
  | { readonly kind: "decimal"; readonly value: DecimalDigits };

/** An exact decimal: sign, whole digits (no leading zeros but "0") and fraction digits. */
interface Exact {
  readonly negative: boolean;
  readonly whole: string;
  readonly fraction: string;
}

/** The exact decimal value of a finite double (a binary fraction always has one). */
function exactOfDouble(value: number): Exact {
  const negative = value < 0 || Object.is(value, -0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  const fractionBits = bits & ((1n << 52n) - 1n);
  const mantissa = exponentBits === 0 ? fractionBits : fractionBits | (1n << 52n);
  const exponent = exponentBits === 0 ? -1074 : exponentBits - 1075;
  if (exponent >= 0) return { negative, whole: (mantissa << BigInt(exponent)).toString(), fraction: "" };
  const digits = (mantissa * 5n ** BigInt(-exponent)).toString().padStart(-exponent + 1, "0");
  return normalise({ negative, whole: digits.slice(0, exponent), fraction: digits.slice(exponent) });
}

function normalise(x: Exact): Exact {
  return { negative: x.negative, whole: x.whole.replace(/^0+(?=\d)/, "") || "0", fraction: x.fraction };
}

function exactOf(number: DotNetNumber): Exact {
  if (number.kind === "decimal") return normalise(number.value);
  if (number.kind === "double") return exactOfDouble(number.value);
  return { negative: number.value < 0, whole: String(Math.abs(number.value)), fraction: "" };
}

const isZero = (x: Exact) => /^0*$/.test(x.whole + x.fraction);

/** Rounds to `decimals` fraction digits, half away from zero. */
function round(x: Exact, decimals: number): Exact {
  const fraction = x.fraction.padEnd(decimals, "0");
  if (x.fraction.length <= decimals) return { ...x, fraction };
  let digits = x.whole + fraction.slice(0, decimals);
  if ((fraction[decimals] as string) >= "5") {
    digits = (BigInt(digits) + 1n).toString().padStart(digits.length, "0");
  }
  const wholeLength = digits.length - decimals;
  return normalise({
    negative: x.negative,
    whole: digits.slice(0, wholeLength),
    fraction: digits.slice(wholeLength),
  });
}

function scale(x: Exact, powerOfTen: number): Exact {
  const digits = x.whole + x.fraction;
  const point = x.whole.length + powerOfTen;
  if (point <= 0)
    return normalise({ negative: x.negative, whole: "0", fraction: "0".repeat(-point) + digits });
  if (point >= digits.length)
    return normalise({ negative: x.negative, whole: digits.padEnd(point, "0"), fraction: "" });
  return normalise({ negative: x.negative, whole: digits.slice(0, point), fraction: digits.slice(point) });
}

const group = (whole: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function fixed(x: Exact, decimals: number, grouped: boolean): string {
  const r = round(x, decimals);
  const sign = r.negative && !isZero(r) ? "-" : "";
  return `${sign}${grouped ? group(r.whole) : r.whole}${decimals > 0 ? `.${r.fraction}` : ""}`;
}

/** Scientific: one digit, `decimals` more, then E and a signed exponent of at least `exponentDigits` digits. */
function scientific(x: Exact, decimals: number, e: string, exponentDigits: number, plus: boolean): string {
  const digits = (x.whole + x.fraction).replace(/^0+/, "");
  if (digits === "")
    return `${x.negative ? "-" : ""}0${decimals > 0 ? `.${"0".repeat(decimals)}` : ""}${e}${plus ? "+" : ""}${"0".repeat(exponentDigits)}`;
  let exponent = x.whole.replace(/^0+/, "").length - 1;
  if (x.whole.replace(/^0+/, "") === "")
    exponent = -(x.fraction.length - x.fraction.replace(/^0+/, "").length) - 1;
  let mantissa = round({ negative: false, whole: digits[0] as string, fraction: digits.slice(1) }, decimals);
  if (mantissa.whole.length > 1) {
    mantissa = round(
      {
        negative: false,
        whole: mantissa.whole[0] as string,
        fraction: mantissa.whole.slice(1) + mantissa.fraction,
      },
      decimals,
    );
    exponent++;
  }
  const sign = exponent < 0 ? "-" : plus ? "+" : "";
  return `${x.negative ? "-" : ""}${mantissa.whole}${decimals > 0 ? `.${mantissa.fraction}` : ""}${e}${sign}${String(Math.abs(exponent)).padStart(exponentDigits, "0")}`;
}

function general(number: DotNetNumber, precision: number | undefined): string | undefined {
  if (number.kind === "double" && precision === undefined) return formatDotNetDouble(number.value, "en-US");
  const x = exactOf(number);
  if (precision === undefined || precision === 0) {
    if (number.kind === "decimal")
      return `${x.negative ? "-" : ""}${x.whole}${x.fraction === "" ? "" : `.${x.fraction}`}`;
    return `${x.negative ? "-" : ""}${x.whole}`;
  }
  const digits = (x.whole + x.fraction).replace(/^0+/, "");
  if (digits === "") return "0";
  const exponent =
    x.whole !== "0" ? x.whole.length - 1 : -(x.fraction.length - x.fraction.replace(/^0+/, "").length) - 1;
  if (exponent >= precision || exponent < -5) {
    return scientific(x, precision - 1, "E", 2, true).replace(/\.?0+E/, "E");
  }
  const r = round(x, Math.max(0, precision - 1 - exponent));
  const text = `${r.whole}${r.fraction === "" ? "" : `.${r.fraction}`}`
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  return `${r.negative && text !== "0" ? "-" : ""}${text}`;
}

function standard(
  number: DotNetNumber,
  specifier: string,
  precision: number | undefined,
): string | undefined {
  if (number.kind === "double" && !Number.isFinite(number.value))
    return formatDotNetDouble(number.value, "en-US");
  const x = exactOf(number);
  switch (specifier) {
    case "c":
    case "C": {
      const text = fixed(x, precision ?? 2, true);
      return text.startsWith("-") ? `-$${text.slice(1)}` : `$${text}`;
    }
    case "d":
    case "D":
      if (number.kind !== "int") return undefined;
      return `${number.value < 0 ? "-" : ""}${String(Math.abs(number.value)).padStart(precision ?? 0, "0")}`;
    case "e":
    case "E":
      return scientific(x, precision ?? 6, specifier, 3, true);
    case "f":
    case "F":
      return fixed(x, precision ?? 2, false);
    case "n":
    case "N":
      return fixed(x, precision ?? 2, true);
    case "p":
    case "P":
      return `${fixed(scale(x, 2), precision ?? 2, true)}%`;
    case "g":
    case "G":
      return general(number, precision);
    case "r":
    case "R":
      return number.kind === "double" ? formatDotNetDouble(number.value, "en-US") : undefined;
    case "x":
    case "X": {
      if (number.kind !== "int") return undefined;
      const hex = (number.value >>> 0).toString(16).padStart(precision ?? 0, "0");
      return specifier === "X" ? hex.toUpperCase() : hex;
    }
    default:
      return undefined;
  }
}

/** Splits a custom format into its `;` sections, leaving quoted and escaped text alone. */
function sections(format: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c === "\\" && i + 1 < format.length) {
      current += c + format[++i];
    } else if (c === "'" || c === '"') {
      const close = format.indexOf(c, i + 1);
      const endAt = close < 0 ? format.length : close;
      current += format.slice(i, endAt + 1);
      i = endAt;
    } else if (c === ";") {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** A custom numeric format such as `#,##0.00`, `0.###`, `00%` or `0.00E+00`. */
function custom(number: DotNetNumber, format: string): string {
  let x = exactOf(number);
  const parts = sections(format);
  let section = parts[0] as string;
  let signless = false;
  if (x.negative && parts.length > 1 && parts[1] !== "") {
    section = parts[1] as string;
    signless = true;
  }
  if (!/[0#]/.test(section))
    return section.replace(/'([^']*)'|"([^"]*)"|\\(.)/g, (_m, a, b, c) => a ?? b ?? c ?? "");
  const point = section.indexOf(".");
  const integerPart = point < 0 ? section : section.slice(0, point);
  const fractionPart = point < 0 ? "" : section.slice(point + 1);
  const exponent = /[eE][+-]?0+/.exec(fractionPart) ?? (point < 0 ? /[eE][+-]?0+/.exec(integerPart) : null);
  const scalingCommas = /,+$/.exec(integerPart.replace(/[^0#,]/g, ""))?.[0].length ?? 0;
  const grouped = /[0#],+[0#]/.test(integerPart.replace(/[^0#,]/g, ""));
  const percent = (section.match(/%/g) ?? []).length;
  const permille = (section.match(/‰/g) ?? []).length;
  x = scale(x, 2 * percent + 3 * permille - 3 * scalingCommas);
  const fractionPlaceholders = (
    exponent === null ? fractionPart : fractionPart.slice(0, fractionPart.search(/[eE]/))
  ).replace(/[^0#]/g, "");
  const requiredFraction = fractionPlaceholders.lastIndexOf("0") + 1;
  const integerPlaceholders = integerPart.replace(/[^0#]/g, "");
  const requiredWhole = integerPlaceholders.length - Math.max(0, integerPlaceholders.indexOf("0"));
  let body: string;
  if (exponent !== null) {
    const text = scientific(
      x,
      fractionPlaceholders.length,
      exponent[0][0] as string,
      exponent[0].replace(/^[eE][+-]?/, "").length,
      exponent[0][1] === "+",
    );
    body = text.replace(/^-/, "").replace(/\.?0+(?=[eE])/, (zeros) => (requiredFraction > 0 ? zeros : ""));
  } else {
    const r = round(x, fractionPlaceholders.length);
    const fraction = r.fraction
      .slice(0, fractionPlaceholders.length)
      .replace(/0+$/, "")
      .padEnd(requiredFraction, "0");
    let whole = r.whole === "0" && integerPlaceholders.indexOf("0") < 0 ? "" : r.whole;
    whole = whole.padStart(integerPlaceholders.indexOf("0") < 0 ? 0 : requiredWhole, "0");
    if (grouped) whole = group(whole);
    body = `${whole}${fraction === "" ? "" : `.${fraction}`}`;
    x = r;
  }
  const prefix = section.slice(0, section.search(/[0#.,]/) < 0 ? section.length : section.search(/[0#.,]/));
  const suffixStart = Math.max(section.lastIndexOf("0"), section.lastIndexOf("#")) + 1;
  const suffix =
    exponent === null
      ? section.slice(suffixStart)
      : section.slice(section.indexOf(exponent[0]) + exponent[0].length);
  const literal = (text: string) =>
    text.replace(
      /'([^']*)'|"([^"]*)"|\\(.)|[,]/g,
      (_m, single, double, escaped) => single ?? double ?? escaped ?? "",
    );
  const sign = x.negative && !signless && !isZero(x) ? "-" : "";
  return `${sign}${literal(prefix)}${body}${literal(suffix)}`;
}

/** `number.ToString(format)`; undefined where .NET throws a FormatException. */
export function formatNumber(number: DotNetNumber, format: string): string | undefined {
  const standardFormat = /^([A-Za-z])(\d{0,9})$/.exec(format);
  if (format === "") return general(number, undefined);
  if (standardFormat !== null) {
    const precision = standardFormat[2] === "" ? undefined : Number(standardFormat[2]);
    return standard(number, standardFormat[1] as string, precision);
  }
  if (number.kind === "double" && !Number.isFinite(number.value))
    return formatDotNetDouble(number.value, "en-US");
  return custom(number, format);
}
