// TextEscapeFunctions.cs: HtmlEscape, XmlEscape, JsonEscape, the YAML and .properties escapes, UriEscape and
// UriDataEscape. Each takes no options and works on UTF-16 code units, as .NET's string does.

const htmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "/": "&#x2F;",
};
const xmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};
// "This is overly simplistic since Unicode chars also need escaping." (TextEscapeFunctions.cs)
const jsonEntities: Record<string, string> = {
  '"': '\\"',
  "\r": "\\r",
  "\t": "\\t",
  "\n": "\\n",
  "\\": "\\\\",
};

function mapUnits(text: string, mapping: (unit: string, index: number) => string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += mapping(text[i] as string, i);
  return out;
}

const withTable = (table: Record<string, string>) => (argument: string | null, options: readonly string[]) =>
  options.length > 0 || argument === null ? null : mapUnits(argument, (c) => table[c] ?? c);

export const htmlEscape = withTable(htmlEntities);
export const xmlEscape = withTable(xmlEntities);
export const jsonEscape = withTable(jsonEntities);

const unicodeEscape = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
const isAsciiPrintable = (unit: string) => unit >= " " && unit <= "~";
const isIso88591Compatible = (unit: string) => unit.charCodeAt(0) < 0xff;

/** Single-quoted YAML: quotes doubled, and each run of line breaks written once more (a single break folds to a space). */
export function yamlSingleQuoteEscape(argument: string | null, options: readonly string[]): string | null {
  if (argument === null || options.length > 0) return null;
  const lines = argument.replace(/(?:\r?\n)+/g, (run) => (run.startsWith("\r") ? "\r\n" : "\n") + run);
  return lines.replaceAll("'", "''");
}

const yamlDoubleQuoteEntities: Record<string, string> = {
  "\r": "\\r",
  "\n": "\\n",
  "\t": "\\t",
  "\\": "\\\\",
  '"': '\\"',
};

export function yamlDoubleQuoteEscape(argument: string | null, options: readonly string[]): string | null {
  if (options.length > 0 || argument === null) return null;
  return mapUnits(
    argument,
    (c) => yamlDoubleQuoteEntities[c] ?? (isAsciiPrintable(c) ? c : unicodeEscape(c)),
  );
}

const commonPropertiesEntities: Record<string, string> = {
  "\\": "\\\\",
  "\r": "\\r",
  "\n": "\\n",
  "\t": "\\t",
};
const commonProperties = (c: string) =>
  commonPropertiesEntities[c] ?? (isIso88591Compatible(c) ? c : unicodeEscape(c));
const propertiesKeyEntities: Record<string, string> = { " ": "\\ ", ":": "\\:", "=": "\\=" };

export function propertiesKeyEscape(argument: string | null, options: readonly string[]): string | null {
  if (options.length > 0 || argument === null) return null;
  return mapUnits(argument, (c) => propertiesKeyEntities[c] ?? commonProperties(c));
}

export function propertiesValueEscape(argument: string | null, options: readonly string[]): string | null {
  if (options.length > 0 || argument === null) return null;
  return mapUnits(argument, (c, i) => (c === " " && i === 0 ? "\\ " : commonProperties(c)));
}

function percentEncode(text: string, keep: RegExp): string {
  let out = "";
  for (const c of text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "\uFFFD",
  )) {
    if (keep.test(c)) out += c;
    else
      for (const byte of new TextEncoder().encode(c))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Uri.EscapeUriString: everything but RFC 3986's unreserved and reserved characters is percent-encoded. */
export const uriEscape = (argument: string | null, options: readonly string[]): string | null =>
  options.length > 0 || argument === null
    ? null
    : percentEncode(argument, /^[A-Za-z0-9\-_.~:/?#[\]@!$&'()*+,;=]$/);

/** Uri.EscapeDataString: everything but RFC 3986's unreserved characters is percent-encoded. */
export const uriDataEscape = (argument: string | null, options: readonly string[]): string | null =>
  options.length > 0 || argument === null ? null : percentEncode(argument, /^[A-Za-z0-9\-_.~]$/);
