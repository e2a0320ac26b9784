// DateTime and DateTimeOffset as the Format, NowDate, AddHours and AddDays filters use them: parsed the way
// DateTime.TryParse reads the usual en-US and ISO forms, formatted with .NET's standard and custom date format
// strings in the en-US culture (docs/reference/octostache.md#dates).

/** A wall-clock time with .NET's precision (ticks of 100 ns) and what it is relative to. */
export interface DotNetDate {
  /** Milliseconds since 1970 of the wall-clock time read as if it were UTC. */
  readonly wall: number;
  /** The 100-ns ticks within the millisecond (0–9999). */
  readonly subTicks: number;
  /** DateTime's Kind, or `offset` for a DateTimeOffset. */
  readonly kind: "unspecified" | "utc" | "local" | "offset";
  /** The offset from UTC in minutes: the server's for `local`, the value's own for `offset`, 0 for `utc`. */
  readonly offsetMinutes: number;
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = monthNames.findIndex(
    (m) => m.toLowerCase() === lower || m.slice(0, 3).toLowerCase() === lower,
  );
  return index < 0 ? undefined : index + 1;
}

const timePart = String.raw`(?:[T ]\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?\s*(AM|PM|am|pm)?)?`;
const zonePart = String.raw`\s*(Z|z|GMT|[+-]\d{1,2}(?::?\d{2})?)?`;
const isoDate = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${timePart}${zonePart}$`);
const usDate = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${timePart}${zonePart}$`);
const namedDate = new RegExp(
  String.raw`^(?:[A-Za-z]+,?\s+)?(?:(\d{1,2})\s+([A-Za-z]+)\.?|([A-Za-z]+)\.?\s+(\d{1,2}),?)\s+(\d{4})${timePart.replace("[T ]", "[T ,]")}${zonePart}$`,
);

/** The parts of a date written in one of the forms DateTime.TryParse reads in en-US, or undefined. */
function readDate(
  text: string,
): { fields: number[]; fraction: string; zone: string | undefined } | undefined {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let rest: (string | undefined)[];
  const iso = isoDate.exec(trimmed);
  const us = iso === null ? usDate.exec(trimmed) : null;
  const named = iso === null && us === null ? namedDate.exec(trimmed) : null;
  if (iso !== null) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    rest = iso.slice(4);
  } else if (us !== null) {
    const match = us;
    const yearText = match[3] as string;
    year =
      yearText.length === 2 ? 2000 + Number(yearText) - (Number(yearText) > 49 ? 100 : 0) : Number(yearText);
    [month, day] = [Number(match[1]), Number(match[2])];
    rest = match.slice(4);
  } else if (named !== null) {
    const namedMonth = monthNumber((named[2] ?? named[3]) as string);
    if (namedMonth === undefined) return undefined;
    [year, month, day] = [Number(named[5]), namedMonth, Number(named[1] ?? named[4])];
    rest = named.slice(6);
  } else {
    return undefined;
  }
  const [hourText, minuteText, secondText, fraction = "", meridiem, zone] = rest;
  let hour = Number(hourText ?? "0");
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  }
  const minute = Number(minuteText ?? "0");
  const second = Number(secondText ?? "0");
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate() &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    year >= 1;
  return valid ? { fields: [year, month, day, hour, minute, second], fraction, zone } : undefined;
}

function wallOf(fields: number[]): number {
  const [year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0] = fields;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  return date.getTime();
}

function zoneOffset(zone: string): number {
  if (zone === "Z" || zone === "z" || zone === "GMT") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const [hours, minutes] = digits.length <= 2 ? [digits, "0"] : [digits.slice(0, -2), digits.slice(-2)];
  return sign * (Number(hours) * 60 + Number(minutes));
}

function fractionTicks(fraction: string): { millis: number; subTicks: number } {
  const ticks = Number(fraction.slice(0, 7).padEnd(7, "0"));
  return { millis: Math.floor(ticks / 10_000), subTicks: ticks % 10_000 };
}

/**
 * DateTime.TryParse: a time with a zone is converted to the server's local time (Kind Local), or with
 * `roundtrip` (DateTimeStyles.RoundtripKind) a `Z` stays UTC.
 */
export function parseDateTime(
  text: string,
  localOffsetMinutes: number,
  roundtrip = false,
): DotNetDate | undefined {
  const read = readDate(text);
  if (read === undefined) return undefined;
  const { millis, subTicks } = fractionTicks(read.fraction);
  const wall = wallOf(read.fields) + millis;
  if (read.zone === undefined)
    return { wall, subTicks, kind: "unspecified", offsetMinutes: localOffsetMinutes };
  const offset = zoneOffset(read.zone);
  if (roundtrip && offset === 0 && read.zone !== undefined && /^[Zz]$/.test(read.zone)) {
    return { wall, subTicks, kind: "utc", offsetMinutes: 0 };
  }
  return {
    wall: wall - offset * 60_000 + localOffsetMinutes * 60_000,
    subTicks,
    kind: "local",
    offsetMinutes: localOffsetMinutes,
  };
}

/** DateTimeOffset.TryParse: the written offset, or the server's where none is written. */
export function parseDateTimeOffset(text: string, localOffsetMinutes: number): DotNetDate | undefined {
  const read = readDate(text);
  if (read === undefined) return undefined;
  const { millis, subTicks } = fractionTicks(read.fraction);
  const offset = read.zone === undefined ? localOffsetMinutes : zoneOffset(read.zone);
  return { wall: wallOf(read.fields) + millis, subTicks, kind: "offset", offsetMinutes: offset };
}

export function addMilliseconds(date: DotNetDate, milliseconds: number): DotNetDate {
  const ticks = date.subTicks + Math.round((milliseconds % 1) * 10_000);
  return {
    ...date,
    wall: date.wall + Math.trunc(milliseconds) + Math.floor(ticks / 10_000),
    subTicks: ((ticks % 10_000) + 10_000) % 10_000,
  };
}

/** DateTime's range (years 1 to 9999), outside which .NET throws. */
export function inRange(date: DotNetDate): boolean {
  const year = new Date(date.wall).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

const standardFormats: Record<string, string> = {
  d: "M/d/yyyy",
  D: "dddd, MMMM d, yyyy",
  f: "dddd, MMMM d, yyyy h:mm tt",
  F: "dddd, MMMM d, yyyy h:mm:ss tt",
  g: "M/d/yyyy h:mm tt",
  G: "M/d/yyyy h:mm:ss tt",
  m: "MMMM d",
  M: "MMMM d",
  o: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  O: "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
  r: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  R: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
  t: "h:mm tt",
  T: "h:mm:ss tt",
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
  U: "dddd, MMMM d, yyyy h:mm:ss tt",
  y: "MMMM yyyy",
  Y: "MMMM yyyy",
};

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");

function offsetText(minutes: number, width: "h" | "hh" | "hh:mm"): string {
  const sign = minutes < 0 ? "-" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  if (width === "h") return `${sign}${hours}`;
  if (width === "hh") return `${sign}${pad(hours, 2)}`;
  return `${sign}${pad(hours, 2)}:${pad(rest, 2)}`;
}

/** DateTime.ToString(format) / DateTimeOffset.ToString(format) in en-US; undefined where .NET throws FormatException. */
export function formatDate(date: DotNetDate, format: string): string | undefined {
  let pattern = format === "" ? "G" : format;
  let shown = date;
  if (pattern.length === 1) {
    const standard = standardFormats[pattern];
    if (standard === undefined) return undefined;
    if ("rRu".includes(pattern) && date.kind === "offset")
      shown = { ...date, wall: date.wall - date.offsetMinutes * 60_000, offsetMinutes: 0 };
    if (pattern === "U") {
      if (date.kind === "offset") return undefined;
      if (date.kind !== "utc")
        shown = { ...date, wall: date.wall - date.offsetMinutes * 60_000, kind: "utc", offsetMinutes: 0 };
    }
    if ((pattern === "o" || pattern === "O") && date.kind === "offset")
      pattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffzzz";
    else pattern = standard;
  }
  return formatCustom(shown, pattern);
}

function formatCustom(date: DotNetDate, pattern: string): string | undefined {
  const d = new Date(date.wall);
  const [year, month, day, hour, minute, second] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  const ticks = String(d.getUTCMilliseconds() * 10_000 + date.subTicks).padStart(7, "0");
  const offset = date.kind === "utc" ? 0 : date.offsetMinutes;
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    let run = 1;
    while (pattern[i + run] === c && "dfFghHKmMstyz".includes(c)) run++;
    switch (c) {
      case "d":
        out +=
          run === 1
            ? String(day)
            : run === 2
              ? pad(day, 2)
              : run === 3
                ? (dayNames[d.getUTCDay()] as string).slice(0, 3)
                : (dayNames[d.getUTCDay()] as string);
        break;
      case "f":
      case "F": {
        if (run > 7) return undefined;
        const digits = ticks.slice(0, run);
        out += c === "f" ? digits : digits.replace(/0+$/, "");
        if (c === "F" && digits.replace(/0+$/, "") === "" && out.endsWith(".")) out = out.slice(0, -1);
        break;
      }
      case "g":
        out += "A.D.";
        break;
      case "h":
        out += run === 1 ? String(hour % 12 || 12) : pad(hour % 12 || 12, 2);
        break;
      case "H":
        out += run === 1 ? String(hour) : pad(hour, 2);
        break;
      case "K":
        out += date.kind === "unspecified" ? "" : date.kind === "utc" ? "Z" : offsetText(offset, "hh:mm");
        break;
      case "m":
        out += run === 1 ? String(minute) : pad(minute, 2);
        break;
      case "M":
        out +=
          run === 1
            ? String(month)
            : run === 2
              ? pad(month, 2)
              : run === 3
                ? (monthNames[month - 1] as string).slice(0, 3)
                : (monthNames[month - 1] as string);
        break;
      case "s":
        out += run === 1 ? String(second) : pad(second, 2);
        break;
      case "t":
        out += run === 1 ? (hour < 12 ? "A" : "P") : hour < 12 ? "AM" : "PM";
        break;
      case "y":
        out += run === 1 ? String(year % 100) : run === 2 ? pad(year % 100, 2) : pad(year, run);
        break;
      case "z":
        out += offsetText(offset, run === 1 ? "h" : run === 2 ? "hh" : "hh:mm");
        break;
      case ":":
        out += ":";
        break;
      case "/":
        out += "/";
        break;
      case "'":
      case '"': {
        const close = pattern.indexOf(c, i + 1);
        if (close < 0) return undefined;
        out += pattern.slice(i + 1, close);
        run = close - i + 1;
        break;
      }
      case "\\":
        if (i + 1 >= pattern.length) return undefined;
        out += pattern[i + 1];
        run = 2;
        break;
      case "%":
        if (i + 1 >= pattern.length || pattern[i + 1] === "%") return undefined;
        break;
      default:
        out += c;
    }
    i += run;
  }
  return out;
}
