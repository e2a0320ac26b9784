/** A JSON object as a request body binds it. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** ASP.NET binds JSON properties case-insensitively; when a name repeats, the last one wins. */
export function field(object: JsonObject, name: string): unknown {
  let found: unknown;
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase() === name.toLowerCase()) found = value;
  }
  return found;
}
