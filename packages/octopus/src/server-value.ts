/**
 * How deep an Octopus answer may nest. Octopus's own resources nest four or five levels (a record's
 * commits, a release's selected packages); an answer nested deeper is not Octopus, and printing or
 * re-serialising it would exhaust the stack.
 */
export const maxAnswerDepth = 64;

/**
 * A value an Octopus answer gave, as text: a string as it is, a finite number or a boolean as written;
 * anything else (an object, an array, null) is no text. It never calls the value's own `toString`, so
 * an object whose `toString` is not a function cannot throw, and nothing is walked recursively.
 */
export function serverText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean")
    return String(value);
  return undefined;
}

/** What a value is, for a message about an answer that is not what was expected. */
export function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a JSON array";
  return typeof value === "object" ? "a JSON object" : `a JSON ${typeof value}`;
}

/** Whether a parsed JSON value nests no deeper than `limit` arrays and objects, walked without recursion. */
export function nestsWithin(value: unknown, limit = maxAnswerDepth): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth >= limit) return false;
    for (const child of Object.values(current)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}
