import type { HttpResponse, Logger } from "@buildinfo/core";
import type { AnyDispatcher } from "./request";
import { maxResponseBytes, type OutgoingRequest, sendOnce, TransportError } from "./send";
import type { RequestTimeouts } from "./transport";
import { defaultRequestTimeouts } from "./transport";

export interface RetryOptions {
  /** Attempts per request, the first included. Default 5. */
  maxAttempts?: number;
  /** Backoff base: attempt n waits a random time up to base × 2^(n-1). Default 500 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff wait. Default 10 s. */
  maxDelayMs?: number;
}

export const defaultRetry: Required<RetryOptions> = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 10_000 };

export interface RetryContext {
  dispatcher: AnyDispatcher;
  /** Epoch ms after which no attempt starts and the running one is aborted. */
  deadline: number;
  /** The most bytes of an answer to read (default `maxResponseBytes`). */
  maxResponseBytes?: number;
  /** Ends the send when aborted, as the deadline does. */
  signal?: AbortSignal;
  timeouts: RequestTimeouts;
  retry: RetryOptions;
  logger: Logger | undefined;
}

export interface RetriedResponse {
  response: HttpResponse;
  attempts: number;
  /** An earlier attempt may have been applied by the server although its answer never arrived. */
  earlierAttemptMaybeDelivered: boolean;
}

/** Thrown when no attempt got an HTTP answer; carries the last transport failure. */
export class RetriesExhaustedError extends TransportError {
  readonly attempts: number;
  readonly elapsedMs: number;
  constructor(last: TransportError, attempts: number, elapsedMs: number) {
    super(last.failure);
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
  }
}

/** 429 and 5xx but 501 and 505, which no later attempt can change (docs/reference/http-retries.md). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter: a random wait between 0 and the capped exponential bound. */
export function backoffDelay(attempt: number, retry: Required<RetryOptions>, random = Math.random): number {
  const bound = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * bound);
}

/**
 * Sends a request, retrying network failures, 5xx and 429 with backoff (or the server's
 * `Retry-After`) until an answer that is not retryable, the attempt limit or the deadline.
 * Returns the last HTTP answer (which may still be a 5xx/429); throws `RetriesExhaustedError`
 * when the last attempt got no answer at all.
 */
export async function sendWithRetry(
  context: RetryContext,
  outgoing: OutgoingRequest,
): Promise<RetriedResponse> {
  const retry = { ...defaultRetry, ...context.retry };
  const timeouts = { ...defaultRequestTimeouts, ...context.timeouts };
  const started = Date.now();
  const target = `${outgoing.method} ${describeUrl(outgoing.url)}`;
  let maybeDelivered = false;

  for (let attempt = 1; ; attempt++) {
    const remaining = context.deadline - Date.now();
    const timeout = AbortSignal.timeout(Math.max(1, remaining));
    const signal = context.signal === undefined ? timeout : AbortSignal.any([timeout, context.signal]);
    let reason: string;
    let retryAfterMs: number | undefined;
    try {
      const response = await sendOnce(context.dispatcher, outgoing, {
        ...timeouts,
        signal,
        maxBytes: Math.min(context.maxResponseBytes ?? maxResponseBytes, maxResponseBytes),
      });
      if (!isRetryableStatus(response.status) || attempt >= retry.maxAttempts) {
        return { response, attempts: attempt, earlierAttemptMaybeDelivered: maybeDelivered };
      }
      retryAfterMs = parseRetryAfter(response.headers["retry-after"]);
      reason = `HTTP ${response.status}`;
      const delay = retryAfterMs ?? backoffDelay(attempt, retry);
      if (Date.now() + delay >= context.deadline || context.signal?.aborted) {
        return { response, attempts: attempt, earlierAttemptMaybeDelivered: maybeDelivered };
      }
      maybeDelivered ||= response.status >= 500;
      await waitBeforeRetry(context.logger, target, reason, delay, attempt, retry.maxAttempts, retryAfterMs);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      const { failure } = error;
      const delay = backoffDelay(attempt, retry);
      const ended = Date.now() + delay >= context.deadline || context.signal?.aborted === true;
      if (!failure.retryable || attempt >= retry.maxAttempts || ended) {
        throw new RetriesExhaustedError(error, attempt, Date.now() - started);
      }
      maybeDelivered ||= failure.maybeDelivered;
      await waitBeforeRetry(context.logger, target, failure.description, delay, attempt, retry.maxAttempts);
    }
  }
}

async function waitBeforeRetry(
  logger: Logger | undefined,
  target: string,
  reason: string,
  delay: number,
  attempt: number,
  maxAttempts: number,
  retryAfterMs?: number,
): Promise<void> {
  const why = retryAfterMs === undefined ? "" : " as the server's Retry-After asks";
  logger?.warn(
    `${target}: ${reason}; retrying in ${delay} ms${why} (attempt ${attempt + 1} of ${maxAttempts})`,
  );
  await new Promise((resolve) => setTimeout(resolve, delay));
}

/** The URL without credentials or query values, which may carry tokens. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
