import { parseOctopusServerUrl } from "@buildinfo/core";
import type { AnyDispatcher } from "./request";
import type { ErrorContext } from "./response-errors";
import { describeUrl, type RetriedResponse, sendWithRetry } from "./retry";
import { TransportError } from "./send";
import { createDispatcher } from "./transport";
import { transportErrorToBuildInfoError } from "./transport-errors";
import type { OctopusClientOptions } from "./types";
import { defaultUserAgent } from "./user-agent";

const defaultTimeoutMs = 180_000;

export interface ApiCall {
  method: "GET" | "POST" | "DELETE";
  /** Path below the server root, starting with `/api`, or an absolute URL. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Epoch ms; default now + timeoutMs. */
  deadline?: number;
  /** For messages: "pushing build information for Acme.Web 1.2.3". */
  doing: string;
}

export interface ApiCaller {
  /** The server URL without credentials, for messages. */
  readonly server: string;
  readonly timeoutMs: number;
  call(request: ApiCall): Promise<RetriedResponse>;
  errorContext(doing: string, permissions: string, attempts?: number): ErrorContext;
  close(): Promise<void>;
}

/** Authenticated JSON requests against one Octopus server over one keep-alive, proxy-aware agent. */
export function createApiCaller(options: OctopusClientOptions): ApiCaller {
  const base = parseOctopusServerUrl(options.serverUrl, "serverUrl");
  // The base has no credentials, so it can appear in messages as it is.
  const server = base;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const ownDispatcher = options.dispatcher === undefined;
  const dispatcher: AnyDispatcher =
    options.dispatcher ??
    createDispatcher(options.env ?? process.env, options.requestTimeouts, options.concurrency);
  const headers: Record<string, string> = {
    "user-agent": options.userAgent ?? defaultUserAgent,
    accept: "application/json",
  };
  if (options.apiKey) headers["x-octopus-apikey"] = options.apiKey;
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  const secrets = [options.apiKey, options.accessToken].filter((secret): secret is string => Boolean(secret));
  const hadCredentials = Boolean(options.apiKey || options.accessToken);

  return {
    server,
    timeoutMs,
    async call(request) {
      const url = new URL(/^https?:\/\//i.test(request.path) ? request.path : `${base}${request.path}`);
      for (const [name, value] of Object.entries(request.query ?? {})) {
        if (value !== undefined) url.searchParams.set(name, String(value));
      }
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      try {
        const answer = await sendWithRetry(
          {
            dispatcher,
            deadline: request.deadline ?? Date.now() + timeoutMs,
            timeouts: options.requestTimeouts ?? {},
            retry: options.retry ?? {},
            logger: options.logger,
          },
          {
            method: request.method,
            url: url.toString(),
            headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
            ...(body === undefined ? {} : { body }),
          },
        );
        const tries = answer.attempts > 1 ? ` after ${answer.attempts} attempts` : "";
        options.logger?.debug(
          `${request.method} ${describeUrl(url.toString())}: HTTP ${answer.response.status}${tries}`,
        );
        return answer;
      } catch (error) {
        if (error instanceof TransportError) {
          throw transportErrorToBuildInfoError(error, `${request.doing} at ${server}`);
        }
        throw error;
      }
    },
    errorContext(doing, permissions, attempts) {
      return { server, doing, secrets, hadCredentials, permissions, ...(attempts ? { attempts } : {}) };
    },
    async close() {
      if (ownDispatcher) await dispatcher.close();
    },
  };
}
