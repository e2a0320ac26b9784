import type { HttpClient, HttpRequestOptions } from "@buildinfo/core";
import { createTransport } from "./create-transport";
import { describeUrl } from "./retry";
import type { TransportOptions } from "./transport-options";
import { defaultUserAgent } from "./user-agent";

export interface HttpClientOptions extends TransportOptions {
  /** Total time for one `get`, retries included. Default 60 s. */
  timeoutMs?: number;
}

const defaultHttpTimeoutMs = 60_000;

/**
 * The GET client adapters receive: the transport the Octopus client uses too (proxies, CA, keep-alive,
 * timeouts, retries of network errors / 5xx / 429). HTTP statuses are returned, never thrown;
 * transport failures throw `BuildInfoError` E_NETWORK or E_TIMEOUT. Redirects are never followed (no
 * redirect interceptor): a 3xx is an answer, so credentials cannot be carried to another origin;
 * links an API answers with go through the core's `sameOriginLink`.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient & { close(): Promise<void> } {
  const transport = createTransport(options);
  return {
    async get(url: string, requestOptions: HttpRequestOptions = {}) {
      const headers: Record<string, string> = {
        "user-agent": options.userAgent ?? defaultUserAgent,
        accept: "application/json, */*;q=0.5",
        ...lowerCaseKeys(requestOptions.headers ?? {}),
      };
      if (requestOptions.basicAuth) {
        const { username, password } = requestOptions.basicAuth;
        headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
      } else if (requestOptions.bearerToken) {
        headers.authorization = `Bearer ${requestOptions.bearerToken}`;
      }
      const ownDeadline = Date.now() + (options.timeoutMs ?? defaultHttpTimeoutMs);
      const { response } = await transport.send(
        { method: "GET", url, headers },
        {
          deadline: Math.min(ownDeadline, requestOptions.deadline ?? ownDeadline),
          doing: `reading ${describeUrl(url)}`,
          ...(requestOptions.maxBytes === undefined ? {} : { maxResponseBytes: requestOptions.maxBytes }),
          ...(requestOptions.signal === undefined ? {} : { signal: requestOptions.signal }),
        },
      );
      return response;
    },
    close: () => transport.close(),
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
