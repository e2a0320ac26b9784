import { queryValue } from "./model-binding";

/**
 * A list parameter of the query as Octopus binds it: `ids=A,B` or `ids=A&ids=B` (names compared
 * case-insensitively); undefined when absent or empty.
 */
export function listParameter(query: URLSearchParams, name: string): string[] | undefined {
  const values = [...query]
    .filter(([key]) => key.toLowerCase() === name.toLowerCase())
    .flatMap(([, value]) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  return values.length === 0 ? undefined : values;
}

/** Whether `value` is one of `wanted` (ids compare case-insensitively); every value matches an absent filter. */
export function matchesAny(wanted: string[] | undefined, value: string | null): boolean {
  if (wanted === undefined) return true;
  return value !== null && wanted.some((id) => id.toLowerCase() === value.toLowerCase());
}

/** The `ids`, `name` (whole, any case) and `partialName` (part, any case) filters of a list of named resources. */
export function filterNamed<T extends { Id: string; Name: string }>(items: T[], query: URLSearchParams): T[] {
  const ids = listParameter(query, "ids");
  const name = queryValue(query, "name")?.toLowerCase();
  const partialName = queryValue(query, "partialName")?.toLowerCase() ?? "";
  return items.filter(
    (item) =>
      matchesAny(ids, item.Id) &&
      (name === undefined || name === "" || item.Name.toLowerCase() === name) &&
      item.Name.toLowerCase().includes(partialName),
  );
}
