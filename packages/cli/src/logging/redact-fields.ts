import { redactUrl } from "@buildinfo/core";

const SENSITIVE_KEYS = new Set([
  "apiKey",
  "accessToken",
  "token",
  "password",
  "authorization",
  "Authorization",
]);
const SENSITIVE_HEADERS = new Set(["authorization", "x-octopus-apikey", "x-nuget-apikey"]);
const URL_KEYS = new Set(["url", "serverUrl", "server", "vcsRoot", "buildUrl"]);
export const REDACTED = "[REDACTED]";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      SENSITIVE_HEADERS.has(name.toLowerCase()) ? REDACTED : value,
    ]),
  );
}

/**
 * A log record's fields with secrets censored and credentials removed from URLs: keys such as
 * `apiKey`, `token` and `password`, and the `authorization`/API-key headers, at the top level or one
 * object deep (where a request or an error is logged).
 */
export function redactFields(fields: Record<string, unknown>, nested = false): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE_KEYS.has(key)) result[key] = REDACTED;
    else if (URL_KEYS.has(key)) result[key] = typeof value === "string" ? redactUrl(value) : value;
    else if (key === "headers" && isRecord(value)) result[key] = redactHeaders(value);
    else if (!nested && isRecord(value)) result[key] = redactFields(value, true);
    else result[key] = value;
  }
  return result;
}
