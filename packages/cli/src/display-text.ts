/** A field of a server's answer as text for a table or record: the server may send any JSON type. */
export function displayText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

/** A field of a server's answer that should be a list: anything else counts as none. */
export function displayList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
