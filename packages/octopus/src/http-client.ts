import type { HttpClient, HttpRequestOptions } from "@buildinfo/core";
import { describeUrl, sendWithRetry } from "./retry";
import { TransportError } from "./send";
import { createDispatcher } from "./transport";
import { transportErrorToBuildInfoError } from "./transport-errors";
import type { TransportOptions } from "./transport-options";
import { defaultUserAgent } from "./user-agent";

export interface HttpClientOptions extends TransportOptions {
  /** Total time for one `get`, retries included. Default 60 s. */
  timeoutMs?: number;
}

const defaultHttpTimeoutMs = 60_000;

/**
 * The GET client adapters receive: the Octopus client's transport (proxies, CA, keep-alive,
 * timeouts, retries of network errors / 5xx / 429). HTTP statuses are returned, never thrown;
 * transport failures throw `BuildInfoError` E_NETWORK or E_TIMEOUT. Redirects are never followed (no
 * redirect interceptor): a 3xx is an answer, so credentials cannot be carried to another origin;
 * links an API answers with go through the core's `sameOriginLink`.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient & { close(): Promise<void> } {
  const ownDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ?? createDispatcher(options.env ?? process.env, options.requestTimeouts);
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
      try {
        const { response } = await sendWithRetry(
          {
            dispatcher,
            deadline: Date.now() + (options.timeoutMs ?? defaultHttpTimeoutMs),
            timeouts: options.requestTimeouts ?? {},
            retry: options.retry ?? {},
            logger: options.logger,
          },
          { method: "GET", url, headers },
        );
        return response;
      } catch (error) {
        if (error instanceof TransportError) {
          throw transportErrorToBuildInfoError(error, `reading ${describeUrl(url)}`);
        }
        throw error;
      }
    },
    async close() {
      if (ownDispatcher) await dispatcher.close();
    },
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
