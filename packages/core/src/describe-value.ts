const maxShown = 120;

/** A value for a message, cut to 120 characters so hostile or mistaken input cannot flood a build log. */
export function shortened(value: string): string {
  return value.length > maxShown ? `${value.slice(0, maxShown)}…` : value;
}

/** A value for one line of a log or a table: line breaks become spaces, then it is cut (see `shortened`). */
export function shortenedLine(value: string): string {
  return shortened(value.replace(/[\r\n\u0085\u2028\u2029]+/g, " "));
}

/** A value quoted for an error message, cut short (see `shortened`). */
export function describeValue(value: string): string {
  return JSON.stringify(shortened(value));
}

/** A URL-like value quoted for an error message, everything before its last `@` (credentials) masked. */
export function describeWithoutUserinfo(value: string): string {
  const at = value.lastIndexOf("@");
  return describeValue(at < 0 ? value : `***${value.slice(at)}`);
}

/** ` (from SOURCE)`, or nothing when the source is unknown. */
export function fromSource(source: string | undefined): string {
  return source ? ` (from ${source})` : "";
}
