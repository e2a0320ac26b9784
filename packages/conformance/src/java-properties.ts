/** One key or value escaped as `java.util.Properties.store` writes it (ISO 8859-1, \uXXXX beyond ASCII). */
function escapeProperty(text: string, isKey: boolean): string {
  let out = "";
  for (const [index, char] of [...text].entries()) {
    const code = char.codePointAt(0)!;
    if (char === " " && (isKey || index === 0)) out += "\\ ";
    else if ("\\=:#!".includes(char)) out += `\\${char}`;
    else if (char === "\t") out += "\\t";
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (code < 0x20 || code > 0x7e) {
      for (const unit of char.split(""))
        out += `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    } else out += char;
  }
  return out;
}

/** A properties file as a Java program (a TeamCity agent) stores it: a comment, a date line, `key=value` lines. */
export function javaPropertiesText(entries: Record<string, string>, title: string): string {
  return [
    `#${title}`,
    "#Thu Nov 26 04:56:00 UTC 2026",
    ...Object.entries(entries).map(
      ([key, value]) => `${escapeProperty(key, true)}=${escapeProperty(value, false)}`,
    ),
    "",
  ].join("\n");
}
