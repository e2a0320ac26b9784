// JSON as Octostache reads a variable's value: Newtonsoft.Json's JsonConvert.DeserializeObject with its default,
// lenient settings, and JsonConvert.SerializeObject to write a nested object or array back
// (source/Octostache/CustomStringParsers/JsonParser.cs; docs/reference/octostache.md#json-values).

import { formatDotNetDouble, parseDotNetDouble } from "./dotnet-number";
import { isWhiteSpace } from "./parser-combinators";

/** A date Newtonsoft recognised in a string value (DateParseHandling.DateTime): its wall-clock fields and kind. */
export interface JsonDate {
  readonly fields: readonly [number, number, number, number, number, number];
  /** Ten-millionths of a second, as .NET ticks. */
  readonly ticks: number;
  /** `utc` (a `Z`), `unspecified` (no zone) or `local` (an offset, converted to the server's time). */
  readonly kind: "utc" | "unspecified" | "local";
  readonly localOffsetMinutes: number;
}

export type JsonToken =
  | { readonly type: "object"; readonly properties: ReadonlyMap<string, JsonToken> }
  | { readonly type: "array"; readonly items: readonly JsonToken[] }
  | { readonly type: "string"; readonly value: string }
  | { readonly type: "integer"; readonly value: bigint }
  | { readonly type: "float"; readonly value: number }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "null" | "undefined" }
  | { readonly type: "date"; readonly value: JsonDate };

/** Newtonsoft's default MaxDepth for JsonConvert. */
const maxDepth = 64;

class JsonSyntaxError extends Error {}

const isIdentifierChar = (c: string) => /[\p{L}\p{Nd}_$]/u.test(c);
const numberChars = /[-.0-9a-fA-FxX+]/;

class Reader {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly localOffsetMinutes: number,
  ) {}

  readDocument(): JsonToken | undefined {
    this.skip();
    if (this.at >= this.text.length) return undefined;
    const value = this.readValue(0);
    this.skip();
    if (this.at < this.text.length)
      throw new JsonSyntaxError("Additional text encountered after finished reading JSON content");
    return value;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(`${message} at ${this.at}`);
  }

  /** Whitespace and comments (`//` to the end of the line, `/* … *\/`). */
  private skip(): void {
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) return;
      if (isWhiteSpace(c)) {
        this.at++;
      } else if (c === "/" && this.text[this.at + 1] === "/") {
        while (this.at < this.text.length && this.text[this.at] !== "\n" && this.text[this.at] !== "\r")
          this.at++;
      } else if (c === "/" && this.text[this.at + 1] === "*") {
        const close = this.text.indexOf("*/", this.at + 2);
        if (close < 0) this.fail("Unexpected end while parsing comment");
        this.at = close + 2;
      } else {
        return;
      }
    }
  }

  private readValue(depth: number): JsonToken {
    this.skip();
    const c = this.text[this.at];
    if (c === undefined) this.fail("Unexpected end while parsing value");
    if (c === "{" || c === "[") {
      if (depth + 1 > maxDepth) this.fail("The reader's MaxDepth of 64 has been exceeded");
      return c === "{" ? this.readObject(depth + 1) : this.readArray(depth + 1);
    }
    if (c === '"' || c === "'") return this.stringValue(this.readString(c));
    for (const [word, token] of keywords) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        this.expectDelimiter();
        return token;
      }
    }
    if (c === "-" || c === "." || /\p{Nd}/u.test(c)) return this.readNumber();
    return this.fail(`Unexpected character encountered while parsing value: ${c}`);
  }

  private expectDelimiter(): void {
    const c = this.text[this.at];
    if (c !== undefined && !isWhiteSpace(c) && !",]})/".includes(c))
      this.fail("Unexpected character after a value");
  }

  private readObject(depth: number): JsonToken {
    this.at++;
    const properties = new Map<string, JsonToken>();
    for (;;) {
      this.skip();
      const c = this.text[this.at];
      if (c === "}") {
        this.at++;
        return { type: "object", properties };
      }
      let name: string;
      if (c === '"' || c === "'") {
        name = this.readString(c);
      } else {
        const start = this.at;
        while (this.at < this.text.length && isIdentifierChar(this.text[this.at] as string)) this.at++;
        if (this.at === start) this.fail(`Invalid property identifier character: ${c ?? "end of input"}`);
        name = this.text.slice(start, this.at);
      }
      this.skip();
      if (this.text[this.at] !== ":") this.fail("Invalid character after parsing property name");
      this.at++;
      const value = this.readValue(depth);
      // JTokenWriter: the last of two properties with one name wins, in the later place.
      properties.delete(name);
      properties.set(name, value);
      this.skip();
      if (this.text[this.at] === ",") this.at++;
      else if (this.text[this.at] !== "}")
        this.fail("After parsing a value an unexpected character was encountered");
    }
  }

  private readArray(depth: number): JsonToken {
    this.at++;
    const items: JsonToken[] = [];
    for (;;) {
      this.skip();
      if (this.text[this.at] === "]") {
        this.at++;
        return { type: "array", items };
      }
      items.push(this.readValue(depth));
      this.skip();
      if (this.text[this.at] === ",") this.at++;
      else if (this.text[this.at] !== "]")
        this.fail("After parsing a value an unexpected character was encountered");
    }
  }

  private readString(quote: string): string {
    this.at++;
    let value = "";
    let start = this.at;
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) this.fail("Unterminated string");
      if (c === quote) {
        value += this.text.slice(start, this.at);
        this.at++;
        return value;
      }
      if (c === "\\") {
        value += this.text.slice(start, this.at);
        const escaped = this.text[this.at + 1];
        const simple = escaped === undefined ? undefined : escapes[escaped];
        if (simple !== undefined) {
          value += simple;
          this.at += 2;
        } else if (escaped === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) {
          value += String.fromCharCode(Number.parseInt(this.text.slice(this.at + 2, this.at + 6), 16));
          this.at += 6;
        } else {
          this.fail(`Bad JSON escape sequence: \\${escaped ?? ""}`);
        }
        start = this.at;
      } else {
        this.at++;
      }
    }
  }

  private stringValue(value: string): JsonToken {
    if (value.length >= 19 && value.length <= 40 && /^\p{Nd}/u.test(value) && value[10] === "T") {
      const date = parseIsoDate(value, this.localOffsetMinutes);
      if (date !== undefined) return { type: "date", value: date };
    }
    return { type: "string", value };
  }

  private readNumber(): JsonToken {
    if (this.text.startsWith("-Infinity", this.at)) {
      this.at += 9;
      return { type: "float", value: Number.NEGATIVE_INFINITY };
    }
    const start = this.at;
    while (this.at < this.text.length && numberChars.test(this.text[this.at] as string)) this.at++;
    this.expectDelimiter();
    const number = this.text.slice(start, this.at);
    const unsigned = number.replace(/^-/, "");
    const negative = number.startsWith("-");
    if (/^0[xX][0-9a-fA-F]+$/.test(unsigned)) {
      const value = BigInt(unsigned);
      return { type: "integer", value: negative ? -value : value };
    }
    if (/^0[0-7]+$/.test(unsigned)) {
      const value = BigInt(`0o${unsigned.slice(1)}`);
      return { type: "integer", value: negative ? -value : value };
    }
    if (/^\d+$/.test(unsigned)) {
      if (unsigned.length > 1 && unsigned.startsWith("0"))
        this.fail(`Input string '${number}' is not a valid number`);
      return { type: "integer", value: BigInt(number) };
    }
    const value = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(number) ? parseDotNetDouble(number) : undefined;
    if (value === undefined) this.fail(`Input string '${number}' is not a valid number`);
    return { type: "float", value };
  }
}

const keywords: readonly (readonly [string, JsonToken])[] = [
  ["true", { type: "boolean", value: true }],
  ["false", { type: "boolean", value: false }],
  ["null", { type: "null" }],
  ["undefined", { type: "undefined" }],
  ["NaN", { type: "float", value: Number.NaN }],
  ["Infinity", { type: "float", value: Number.POSITIVE_INFINITY }],
];

const escapes: Record<string, string> = {
  '"': '"',
  "'": "'",
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Newtonsoft's DateTimeParser: `yyyy-MM-ddTHH:mm:ss[.fffffff][Z|±HH[:mm]]`, then trailing whitespace. */
function parseIsoDate(text: string, localOffsetMinutes: number): JsonDate | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}(?::?\d{2})?)?[ \t\r\n]*$/.exec(
      text,
    );
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 24 || minute > 59 || second > 59 || (hour === 24 && (minute !== 0 || second !== 0)))
    return undefined;
  const ticks = Number((match[7] ?? "").slice(0, 7).padEnd(7, "0"));
  const zone = match[8];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone === undefined) return { fields: fieldsOf(wall), ticks, kind: "unspecified", localOffsetMinutes };
  if (zone === "Z" || zone === "z") return { fields: fieldsOf(wall), ticks, kind: "utc", localOffsetMinutes };
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
  const local = wall - offset * 60_000 + localOffsetMinutes * 60_000;
  return { fields: fieldsOf(local), ticks, kind: "local", localOffsetMinutes };
}

function fieldsOf(epochMilliseconds: number): JsonDate["fields"] {
  const d = new Date(epochMilliseconds);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
}

/** JsonConvert.DeserializeObject: the token, or undefined where Newtonsoft throws a JsonException or reads nothing. */
export function readJson(text: string, localOffsetMinutes: number): JsonToken | undefined {
  try {
    return new Reader(text, localOffsetMinutes).readDocument();
  } catch (error) {
    if (error instanceof JsonSyntaxError) return undefined;
    throw error;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `JToken.Value<string>()` of a plain value: Convert.ToString with the invariant culture; null for null. */
export function jsonValueText(token: JsonToken): string | null {
  switch (token.type) {
    case "string":
      return token.value;
    case "integer":
      return token.value.toString();
    case "float":
      return formatDotNetDouble(token.value, "invariant");
    case "boolean":
      return token.value ? "True" : "False";
    case "date": {
      const [year, month, day, hour, minute, second] = token.value.fields;
      return `${pad(month)}/${pad(day)}/${pad(year, 4)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
    }
    default:
      return null;
  }
}

function writeString(value: string): string {
  let out = '"';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '"') out += '\\"';
    else if (c === "\\") out += "\\\\";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    else if (c === "\f") out += "\\f";
    else if (c === "\b") out += "\\b";
    else if (code < 0x20 || code === 0x85 || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return `${out}"`;
}

function writeDate(date: JsonDate): string {
  const [year, month, day, hour, minute, second] = date.fields;
  const fraction = date.ticks === 0 ? "" : `.${String(date.ticks).padStart(7, "0").replace(/0+$/, "")}`;
  let zone = "";
  if (date.kind === "utc") zone = "Z";
  if (date.kind === "local") {
    const offset = Math.abs(date.localOffsetMinutes);
    zone = `${date.localOffsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
  }
  return `"${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zone}"`;
}

/** JsonConvert.SerializeObject(token) with Formatting.None. */
export function writeJson(token: JsonToken): string {
  switch (token.type) {
    case "object":
      return `{${[...token.properties].map(([name, value]) => `${writeString(name)}:${writeJson(value)}`).join(",")}}`;
    case "array":
      return `[${token.items.map(writeJson).join(",")}]`;
    case "string":
      return writeString(token.value);
    case "integer":
      return token.value.toString();
    case "float": {
      if (!Number.isFinite(token.value)) return `"${formatDotNetDouble(token.value, "invariant")}"`;
      const text = formatDotNetDouble(token.value, "invariant");
      return /[.E]/.test(text) ? text : `${text}.0`;
    }
    case "boolean":
      return token.value ? "true" : "false";
    case "date":
      return writeDate(token.value);
    default:
      return token.type;
  }
}
