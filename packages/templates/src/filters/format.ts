// FormatFunction.cs: `Format FORMAT` tries the value as a decimal, then as a DateTimeOffset; `Format TYPE FORMAT`
// names the type (Int32/Int, Double, Decimal, Date/DateTime, DateTimeOffset). .NET format strings, en-US.

import { parseDotNetDecimal, parseDotNetDouble, parseDotNetInt32 } from "../dotnet-number";
import { type DotNetDate, formatDate, parseDateTime, parseDateTimeOffset } from "./dotnet-date";
import { formatNumber } from "./dotnet-number-format";
import type { FilterContext } from "./filter-context";

function formatted(date: DotNetDate | undefined, format: string): string | null {
  return date === undefined ? null : (formatDate(date, format) ?? null);
}

export function format(
  argument: string | null,
  options: readonly string[],
  context: FilterContext,
): string | null {
  if (argument === null || options.length === 0) return null;
  const offset = context.localOffsetMinutes;
  if (options.length === 1) {
    const pattern = options[0] as string;
    const decimal = parseDotNetDecimal(argument);
    if (decimal !== undefined) return formatNumber({ kind: "decimal", value: decimal }, pattern) ?? null;
    return formatted(parseDateTimeOffset(argument, offset), pattern);
  }
  if (options.length !== 2) return null;
  const pattern = options[1] as string;
  switch ((options[0] as string).toLowerCase()) {
    case "int32":
    case "int": {
      const value = parseDotNetInt32(argument);
      return value === undefined ? null : (formatNumber({ kind: "int", value }, pattern) ?? null);
    }
    case "double": {
      const value = parseDotNetDouble(argument);
      return value === undefined ? null : (formatNumber({ kind: "double", value }, pattern) ?? null);
    }
    case "decimal": {
      const value = parseDotNetDecimal(argument);
      return value === undefined ? null : (formatNumber({ kind: "decimal", value }, pattern) ?? null);
    }
    case "date":
    case "datetime":
      return formatted(parseDateTime(argument, offset), pattern);
    case "datetimeoffset":
      return formatted(parseDateTimeOffset(argument, offset), pattern);
    default:
      return null;
  }
}
