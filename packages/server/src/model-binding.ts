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

/**
 * A string property (numbers and booleans as written), null when absent; a message in `errors` for
 * anything else (an object is never turned into text: its `toString` may be anything a client sent).
 */
export function bindString(object: JsonObject, name: string, errors: string[]): string | null {
  const value = field(object, name);
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  errors.push(`The value of ${name} could not be converted to a string.`);
  return null;
}

/** A query parameter by name, compared case-insensitively as ASP.NET binds them. */
export function queryValue(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) {
    if (key.toLowerCase() === name.toLowerCase()) return value;
  }
  return undefined;
}

/** The request body as a JSON object, or the error the server answers with. */
export function parseObjectBody(text: string): { body: JsonObject } | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { error: `The request body is not valid JSON: ${(error as Error).message}` };
  }
  return isObject(body) ? { body } : { error: "The request body must be a JSON object." };
}
