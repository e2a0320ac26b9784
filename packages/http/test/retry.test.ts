import { describe, expect, it } from "vitest";
import { backoffDelay, defaultRetry, isRetryableStatus, parseRetryAfter } from "../src/retry";
import { classifyTransportError } from "../src/send";

describe("retry policy", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2025-03-04T10:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("Tue, 04 Mar 2025 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 04 Mar 2025 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("waits a random time up to the capped exponential bound (full jitter)", () => {
    expect(backoffDelay(1, defaultRetry, () => 1)).toBe(500);
    expect(backoffDelay(3, defaultRetry, () => 1)).toBe(2000);
    expect(backoffDelay(10, defaultRetry, () => 1)).toBe(10_000);
    expect(backoffDelay(3, defaultRetry, () => 0)).toBe(0);
  });

  it("retries 5xx and 429, never other 4xx", () => {
    expect([500, 502, 503, 504, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 501, 505].some(isRetryableStatus)).toBe(false);
  });

  it("classifies transport failures: retryable, and whether the request may have been delivered", () => {
    const failure = (code: string, message = code) =>
      classifyTransportError(Object.assign(new Error(message), { code }));
    expect(failure("ECONNREFUSED")).toMatchObject({
      kind: "network",
      retryable: true,
      maybeDelivered: false,
    });
    expect(failure("ENOTFOUND")).toMatchObject({ retryable: true, maybeDelivered: false });
    expect(failure("ECONNRESET")).toMatchObject({ retryable: true, maybeDelivered: true });
    expect(failure("UND_ERR_SOCKET", "other side closed")).toMatchObject({
      retryable: true,
      maybeDelivered: true,
    });
    expect(failure("UND_ERR_HEADERS_TIMEOUT")).toMatchObject({
      kind: "timeout",
      retryable: true,
      maybeDelivered: true,
    });
    expect(failure("UND_ERR_CONNECT_TIMEOUT")).toMatchObject({ kind: "timeout", maybeDelivered: false });
    expect(failure("DEPTH_ZERO_SELF_SIGNED_CERT")).toMatchObject({ retryable: false });
    expect(failure("UND_ERR_ABORTED", "Proxy response (502) !== 200 when HTTP Tunneling")).toMatchObject({
      retryable: true,
      description: "the proxy refused the tunnel with HTTP 502",
    });
  });
});
