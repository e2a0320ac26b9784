import {
  BuildInfoError,
  type ErrorCode,
  type HttpResponse,
  redactSecrets,
  summariseBody,
} from "@buildinfo/core";
import { describeKind, maxAnswerDepth, nestsWithin, serverText } from "./server-value";

/** Where a failed request was going, so messages say what, where and to whom. */
export interface ErrorContext {
  /** The server URL without credentials. */
  server: string;
  /** "pushing build information for Acme.Web 1.2.3", "resolving space 'Ops'", … */
  doing: string;
  secrets: readonly string[];
  hadCredentials: boolean;
  /** The permission(s) the call needs, for 403. */
  permissions: string;
  /** Attempts made, when more than one. */
  attempts?: number;
}

interface OctopusErrorBody {
  ErrorMessage?: unknown;
  Errors?: unknown;
}

export function isJsonResponse(response: HttpResponse): boolean {
  const type = response.headers["content-type"] ?? "";
  return /json/i.test(type) || (type === "" && /^\s*[[{]/.test(response.text));
}

/**
 * Parses a JSON body, or throws E_BAD_RESPONSE: an HTML page from a proxy or a login wall, or JSON nested
 * deeper than any Octopus resource (`maxAnswerDepth`), which nothing after this point could print.
 */
export function parseJson<T>(response: HttpResponse, context: ErrorContext): T {
  let parsed: unknown;
  if (isJsonResponse(response)) {
    try {
      parsed = JSON.parse(response.text);
    } catch {
      throw badResponse(response, context);
    }
    if (nestsWithin(parsed)) return parsed as T;
    throw badShape(response, context, `nested deeper than ${maxAnswerDepth} levels`);
  }
  throw badResponse(response, context);
}

/** A JSON object with a string `Id` (a record, a space), or E_BAD_RESPONSE naming what was missing. */
export function parseResource<T extends { Id: string }>(
  response: HttpResponse,
  context: ErrorContext,
  what: string,
): T {
  const value = parseJson<unknown>(response, context);
  if (isResource(value)) return value as T;
  throw badShape(response, context, `without ${what} (no object with an Id)`);
}

/** A JSON page whose `Items` are all objects with a string `Id`, or E_BAD_RESPONSE. */
export function parsePage<T extends { Id: string }>(
  response: HttpResponse,
  context: ErrorContext,
  what: string,
): { Items: T[] } {
  const value = parseJson<{ Items?: unknown } | null>(response, context);
  const items = typeof value === "object" && value !== null ? value.Items : undefined;
  if (Array.isArray(items) && items.every(isResource)) return value as { Items: T[] };
  throw badShape(response, context, `that is not a page of ${what} (Items must be objects with an Id)`);
}

function isResource(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { Id?: unknown }).Id === "string"
  );
}

function badShape(response: HttpResponse, context: ErrorContext, problem: string): BuildInfoError {
  return new BuildInfoError(
    "E_BAD_RESPONSE",
    `Unexpected answer while ${context.doing} at ${context.server}: HTTP ${response.status} ${problem}${attemptsNote(context)}.`,
    {
      source: context.server,
      hint: "Check that the server URL is an Octopus server (2019.9 or newer) and not a proxy or another service.",
    },
  );
}

function badResponse(response: HttpResponse, context: ErrorContext): BuildInfoError {
  const type = quotedHeader(response.headers["content-type"], context.secrets) ?? "no content type";
  // Redacted before it is cut, so a secret crossing the cut cannot leave a readable prefix.
  const snippet = summariseBody(response.text, context.secrets);
  return new BuildInfoError(
    "E_BAD_RESPONSE",
    `Unexpected answer while ${context.doing} at ${context.server}: HTTP ${response.status} (${type}) that is not ` +
      `Octopus JSON${snippet ? `: ${snippet}` : ""}${attemptsNote(context)}.`,
    {
      source: context.server,
      hint:
        "Something other than the Octopus API answered: check that the server URL is the Octopus root " +
        "(not a login page or a sub-path) and whether a proxy or load balancer in between is failing.",
    },
  );
}

function attemptsNote(context: ErrorContext): string {
  return context.attempts && context.attempts > 1 ? ` (after ${context.attempts} attempts)` : "";
}

/**
 * A server's word as error messages quote it: the request's secrets masked, then cut to `limit`
 * characters (masking after the cut would miss a secret the cut splits); a value that is not text is
 * named by its kind.
 */
export function serverWord(value: unknown, secrets: readonly string[], limit = 500): string {
  const text = serverText(value);
  return text === undefined ? `(${describeKind(value)})` : redactSecrets(text, secrets).slice(0, limit);
}

/** A response header as a message quotes it: one line of at most 120 characters, secrets masked. */
function quotedHeader(value: string | undefined, secrets: readonly string[]): string | undefined {
  return value === undefined ? undefined : serverWord(value.replace(/\s+/g, " "), secrets, 120);
}

const said = (value: unknown) => value !== undefined && value !== null && value !== "";

/** An Octopus error body's `ErrorMessage` and at most 20 of its `Errors`, each a bounded server word. */
export function octopusErrorWords(
  body: OctopusErrorBody | null,
  secrets: readonly string[],
): { summary: string; errors: string[] } {
  const summary = body?.ErrorMessage;
  const errors = Array.isArray(body?.Errors) ? body.Errors.filter(said).slice(0, 20) : [];
  return {
    summary: said(summary) ? serverWord(summary, secrets) : "",
    errors: errors.map((error) => serverWord(error, secrets)),
  };
}

function serverErrors(response: HttpResponse, context: ErrorContext): { summary: string; errors: string[] } {
  let body: OctopusErrorBody | null = {};
  try {
    body = JSON.parse(response.text) as OctopusErrorBody;
  } catch {
    // an empty body is fine; non-JSON bodies are filtered out earlier
  }
  return octopusErrorWords(body, context.secrets);
}

/**
 * The error for a non-2xx answer. 404 is mapped by the caller (a space or a record), 409 too
 * (a push conflict); this handles the shared statuses.
 */
export function responseError(response: HttpResponse, context: ErrorContext): BuildInfoError {
  const { status } = response;
  if (response.text.trim() !== "" && !isJsonResponse(response)) return badResponse(response, context);
  const { summary, errors } = serverErrors(response, context);
  const said = [summary, ...errors.map((e) => `  - ${e}`)].filter(Boolean).join("\n");
  const where = `${context.doing} at ${context.server}`;
  // Without a hint of its own, the error carries its catalogue entry's.
  const remote = (code: ErrorCode, message: string, hint?: string) =>
    new BuildInfoError(code, message, { source: context.server, ...(hint === undefined ? {} : { hint }) });

  if (status === 400) {
    return remote(
      "E_HTTP_400",
      `Octopus rejected the request while ${where} (HTTP 400)${said ? `:\n${said}` : "."}`,
      "Fix the values the server lists above; nothing was stored for this request.",
    );
  }
  if (status === 401) {
    return remote(
      "E_HTTP_401",
      context.hadCredentials
        ? `Octopus did not accept the API key or access token while ${where} (HTTP 401).`
        : `No API key or access token was sent while ${where} (HTTP 401).`,
    );
  }
  if (status === 403) {
    return remote(
      "E_HTTP_403",
      `The API key or token may not do this: HTTP 403 while ${where}${said ? `:\n${said}` : "."}`,
      `Grant the user or service account ${context.permissions} in this space (a team with that role), ` +
        "or use a key that has it.",
    );
  }
  if (status === 429) {
    return remote(
      "E_HTTP_429",
      `Octopus kept rate-limiting the requests while ${where} (HTTP 429${attemptsNote(context)}).`,
    );
  }
  if (status >= 500) {
    return remote(
      "E_HTTP_5XX",
      `Octopus failed while ${where}: HTTP ${status}${attemptsNote(context)}${said ? `:\n${said}` : "."}`,
      "The server or something in front of it failed; check the Octopus server logs and try again.",
    );
  }
  return remote(
    `E_HTTP_${status}`,
    `Unexpected HTTP ${status} while ${where}${said ? `:\n${said}` : "."}`,
    "Check the server URL and that it is an Octopus server.",
  );
}
