import type { HttpResponse } from "@buildinfo/core";
import type { ResponseData } from "./node-http-dispatcher";
import { type AnyDispatcher, request } from "./request";

/** One request as the transport sends it. */
export interface OutgoingRequest {
  method: "GET" | "POST" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A request that got no HTTP answer, classified for retrying and reporting. */
export interface TransportFailure {
  kind: "timeout" | "network";
  /** The errno / undici code, e.g. ECONNRESET, UND_ERR_HEADERS_TIMEOUT. */
  code: string;
  /** A short, secret-free description for people. */
  description: string;
  retryable: boolean;
  /** The request may have reached the server (the failure came after it was sent). */
  maybeDelivered: boolean;
  cause: unknown;
}

export class TransportError extends Error {
  readonly failure: TransportFailure;
  constructor(failure: TransportFailure) {
    super(failure.description, { cause: failure.cause });
    this.name = "TransportError";
    this.failure = failure;
  }
}

export interface SendLimits {
  headersMs: number;
  bodyMs: number;
  /** Aborts the request when the operation's overall deadline passes. */
  signal: AbortSignal;
  /** The most bytes of the answer to read; at most `maxResponseBytes`. */
  maxBytes: number;
}

/**
 * The largest answer read from any server: Octopus answers and CI API pages are far smaller, and a
 * hostile or broken server must not be able to fill memory.
 */
export const maxResponseBytes = 32 * 1024 * 1024;

/**
 * Sends one request and reads the body (at most `limits.maxBytes`); throws `TransportError` when
 * there is no usable HTTP answer.
 */
export async function sendOnce(
  dispatcher: AnyDispatcher,
  outgoing: OutgoingRequest,
  limits: SendLimits,
): Promise<HttpResponse> {
  try {
    const response = await request(outgoing.url, {
      dispatcher,
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body ?? null,
      signal: limits.signal,
      headersTimeout: limits.headersMs,
      bodyTimeout: limits.bodyMs,
    });
    const headers = flattenHeaders(response.headers);
    const text = await readCapped(response.body, Number(headers["content-length"] ?? 0), limits.maxBytes);
    return { status: response.statusCode, headers, text };
  } catch (error) {
    if (error instanceof TransportError) throw error;
    throw new TransportError(classifyTransportError(error, limits.signal));
  }
}

async function readCapped(body: ResponseData["body"], announced: number, maxBytes: number): Promise<string> {
  if (announced > maxBytes) {
    body.destroy();
    throw tooLarge(`announced ${announced} bytes`, maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      body.destroy();
      throw tooLarge("kept sending", maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(what: string, maxBytes: number): TransportError {
  const limit = maxBytes % (1024 * 1024) === 0 ? `${maxBytes / 1024 / 1024} MiB` : `${maxBytes} bytes`;
  return new TransportError({
    kind: "network",
    code: "E_RESPONSE_TOO_LARGE",
    description: `the answer ${what}, more than the limit of ${limit}`,
    retryable: false,
    maybeDelivered: true,
    cause: undefined,
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

const refusedBeforeSending = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const transientNetwork = new Set([
  ...refusedBeforeSending,
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC",
]);
const certificateProblems =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH/;

function errorCode(error: unknown): string {
  if (typeof error !== "object" || error === null) return "UNKNOWN";
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  // Node reports a refused dual-stack connect as an AggregateError of per-address errors.
  const inner = (error as { errors?: unknown[] }).errors?.[0];
  if (inner !== undefined) return errorCode(inner);
  const cause = (error as { cause?: unknown }).cause;
  return cause === undefined ? "UNKNOWN" : errorCode(cause);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function classifyTransportError(error: unknown, signal?: AbortSignal): TransportFailure {
  const code = errorCode(error);
  const message = errorMessage(error);
  const failure = (
    kind: TransportFailure["kind"],
    description: string,
    retryable: boolean,
    maybeDelivered: boolean,
  ): TransportFailure => ({ kind, code, description, retryable, maybeDelivered, cause: error });

  if (signal?.aborted) return failure("timeout", "the overall time limit ran out", false, true);
  if (code === "UND_ERR_CONNECT_TIMEOUT") return failure("timeout", "connecting timed out", true, false);
  if (code === "UND_ERR_HEADERS_TIMEOUT")
    return failure("timeout", "the server did not answer in time (headers timeout)", true, true);
  if (code === "UND_ERR_BODY_TIMEOUT")
    return failure("timeout", "the server stopped sending its answer (body timeout)", true, true);
  const tunnel = /Proxy response \((\d+)\) !== 200/.exec(message);
  if (tunnel) {
    const status = Number(tunnel[1]);
    return failure("network", `the proxy refused the tunnel with HTTP ${status}`, status >= 500, false);
  }
  if (/Proxy Authentication Required/.test(message))
    return failure("network", "the proxy requires authentication (407)", false, false);
  if (certificateProblems.test(code))
    return failure("network", `TLS certificate verification failed (${code})`, false, false);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return failure("network", `the host name could not be resolved (${code})`, true, false);
  if (code === "ECONNREFUSED")
    return failure("network", "the connection was refused (ECONNREFUSED)", true, false);
  if (transientNetwork.has(code) || /socket hang up|other side closed|TLS|socket disconnected/i.test(message))
    return failure(
      "network",
      `the connection was lost (${code === "UNKNOWN" ? message : code})`,
      true,
      !refusedBeforeSending.has(code),
    );
  return failure("network", `the request failed (${code === "UNKNOWN" ? message : code})`, false, true);
}
