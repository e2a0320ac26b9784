// DateFunction.cs: NowDate and NowDateUtc (an optional format, "O" by default), AddHours and AddDays.

import { parseDotNetDouble } from "../dotnet-number";
import {
  addMilliseconds,
  type DotNetDate,
  formatDate,
  inRange,
  parseDateTime,
  parseDateTimeOffset,
} from "./dotnet-date";
import type { FilterContext } from "./filter-context";

function now(context: FilterContext, utc: boolean): DotNetDate {
  const instant = context.now().getTime();
  return utc
    ? { wall: instant, subTicks: 0, kind: "utc", offsetMinutes: 0 }
    : {
        wall: instant + context.localOffsetMinutes * 60_000,
        subTicks: 0,
        kind: "unspecified",
        offsetMinutes: context.localOffsetMinutes,
      };
}

function nowFunction(utc: boolean) {
  return (argument: string | null, options: readonly string[], context: FilterContext): string | null => {
    if (argument !== null || options.length > 1) return null;
    return formatDate(now(context, utc), options[0] ?? "O") ?? null;
  };
}

export const nowDate = nowFunction(false);
export const nowDateUtc = nowFunction(true);

function addTimeSpan(millisecondsPerUnit: number) {
  return (argument: string | null, options: readonly string[], context: FilterContext): string | null => {
    if (argument === null || options.length !== 1) return null;
    const option = options[0] as string;
    const amount = /,/.test(option) ? undefined : parseDotNetDouble(option);
    if (amount === undefined || !Number.isFinite(amount)) return null;
    const milliseconds = amount * millisecondsPerUnit;
    // Naive stays naive, UTC keeps its 'Z'; an explicit offset is kept, not shifted to server-local.
    const date = parseDateTime(argument, context.localOffsetMinutes, true);
    const base =
      date !== undefined && date.kind !== "local"
        ? date
        : parseDateTimeOffset(argument, context.localOffsetMinutes);
    if (base === undefined) return null;
    const shifted = addMilliseconds(base, milliseconds);
    return inRange(shifted) ? (formatDate(shifted, "O") ?? null) : null;
  };
}

export const addHours = addTimeSpan(3_600_000);
export const addDays = addTimeSpan(86_400_000);
