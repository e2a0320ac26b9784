import { BuildInfoError } from "@buildinfo/core";

const whitespace = new Set([" ", "\t", "\f"]);

function skipLeadingWhitespace(line: string): string {
  let start = 0;
  while (start < line.length && whitespace.has(line[start]!)) start += 1;
  return line.slice(start);
}

function endsWithContinuation(line: string): boolean {
  let backslashes = 0;
  for (let index = line.length - 1; index >= 0 && line[index] === "\\"; index -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

function unescapeProperty(text: string, source: string): string {
  let out = "";
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char !== "\\") {
      out += char;
      continue;
    }
    index += 1;
    const escaped = text[index];
    if (escaped === undefined) break;
    if (escaped === "u") {
      const hex = text.slice(index + 1, index + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        throw new BuildInfoError("E_PROPERTIES_FORMAT", `${source}: malformed \\uXXXX escape "\\u${hex}".`, {
          hint: "The file is not in Java properties format; check the path TeamCity passed.",
          source,
        });
      }
      out += String.fromCharCode(Number.parseInt(hex, 16));
      index += 4;
    } else {
      out +=
        escaped === "t"
          ? "\t"
          : escaped === "n"
            ? "\n"
            : escaped === "r"
              ? "\r"
              : escaped === "f"
                ? "\f"
                : escaped;
    }
  }
  return out;
}

/** Key and value of one logical line, split as `java.util.Properties` does: at the first unescaped `=`, `:` or whitespace. */
function splitEntry(line: string): [string, string] {
  let keyEnd = line.length;
  let valueStart = line.length;
  let hasSeparator = false;
  let escaped = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (!escaped && (char === "=" || char === ":")) {
      keyEnd = index;
      valueStart = index + 1;
      hasSeparator = true;
      break;
    }
    if (!escaped && whitespace.has(char)) {
      keyEnd = index;
      valueStart = index + 1;
      break;
    }
    escaped = char === "\\" ? !escaped : false;
  }
  while (valueStart < line.length) {
    const char = line[valueStart]!;
    if (whitespace.has(char)) valueStart += 1;
    else if (!hasSeparator && (char === "=" || char === ":")) {
      valueStart += 1;
      hasSeparator = true;
    } else break;
  }
  return [line.slice(0, keyEnd), line.slice(valueStart)];
}

/**
 * Parses `java.util.Properties` text: `#`/`!` comment lines, `=`/`:`/whitespace separators, `\`
 * line continuations (the backslash, the terminator and the next line's leading whitespace removed
 * before any escape is read), escapes `\t \n \r \f \uXXXX` and `\x` → `x`. Later keys win, as in
 * Java. The rules and their sources: docs/reference/servers/teamcity.md.
 */
export function parseJavaProperties(text: string, source = "properties"): Map<string, string> {
  const properties = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  let next = 0;
  while (next < lines.length) {
    let line = skipLeadingWhitespace(lines[next++]!);
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    let logical = "";
    while (endsWithContinuation(line)) {
      logical += line.slice(0, -1);
      line = next < lines.length ? skipLeadingWhitespace(lines[next++]!) : "";
    }
    logical += line;
    const [key, value] = splitEntry(logical);
    properties.set(unescapeProperty(key, source), unescapeProperty(value, source));
  }
  return properties;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of a properties file. Java writes them in ISO-8859-1 with `\uXXXX` for everything else;
 * a file that is valid UTF-8 is read as UTF-8 (as Java's resource bundles do), else as ISO-8859-1.
 */
export function decodePropertiesFile(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Buffer's "latin1" is ISO-8859-1; TextDecoder("latin1") would be windows-1252.
    return Buffer.from(bytes).toString("latin1");
  }
}
