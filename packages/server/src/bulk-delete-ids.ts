import { field, isObject } from "./model-binding";
/**
 * The ids of a bulk delete body (`{ "Ids": [...] }`, the name matched case-insensitively): strings and
 * numbers only, as model binding takes them; anything else is a 400, never turned into text.
 */
export function bindIds(bodyText: string): { ids: string[]; errors?: undefined } | { errors: string[] } {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { errors: ["The request body is not valid JSON."] };
  }
  if (!isObject(body)) return { errors: ["The request body must be a JSON object."] };
  const raw = field(body, "Ids");
  if (raw === undefined || raw === null) return { ids: [] };
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === "string" || typeof id === "number")) {
    return { errors: ["Ids must be an array of record ids."] };
  }
  return { ids: raw.map(String) };
}
