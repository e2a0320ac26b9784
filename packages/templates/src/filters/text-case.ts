// TextCaseFunction.cs: ToUpper and ToLower (no options), one character at a time as .NET's culture casing does.

function mapEach(text: string, change: (c: string) => string): string {
  let out = "";
  for (const c of text) {
    const changed = change(c);
    out += [...changed].length === 1 ? changed : c;
  }
  return out;
}

export const toUpper = (argument: string | null, options: readonly string[]): string | null =>
  options.length > 0 || argument === null ? null : mapEach(argument, (c) => c.toUpperCase());

export const toLower = (argument: string | null, options: readonly string[]): string | null =>
  options.length > 0 || argument === null ? null : mapEach(argument, (c) => c.toLowerCase());
