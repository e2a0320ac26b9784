/** What a vector's `{api}`, `{checkout}` and `{files}` stand for in one run of a case. */
export interface FixturePlaces {
  /** The fake build-server API's base URL, without a trailing slash. */
  api: string;
  /** The checkout's directory. */
  checkout: string;
  /** The directory of the case's files. */
  files: string;
}

/** Every string inside `value` with the three placeholders replaced (nothing else is touched). */
export function fillPlaceholders<T>(value: T, places: FixturePlaces): T {
  if (typeof value === "string") {
    return value
      .replaceAll("{api}", places.api)
      .replaceAll("{checkout}", places.checkout)
      .replaceAll("{files}", places.files) as T;
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, places)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, places)]),
    ) as T;
  }
  return value;
}
