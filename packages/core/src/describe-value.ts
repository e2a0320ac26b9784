const maxShown = 120;

/** A value quoted for an error message, cut short so hostile input cannot flood a build log. */
export function describeValue(value: string): string {
  const shown = value.length > maxShown ? `${value.slice(0, maxShown)}…` : value;
  return JSON.stringify(shown);
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
