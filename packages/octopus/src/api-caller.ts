import { parseOctopusServerUrl } from "@buildinfo/core";
import { createTransport, defaultUserAgent, describeUrl, type RetriedResponse } from "@buildinfo/http";
import type { ErrorContext } from "./response-errors";
import type { OctopusClientOptions } from "./types";

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
  const transport = createTransport(options, options.concurrency);
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
      const answer = await transport.send(
        {
          method: request.method,
          url: url.toString(),
          headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
          ...(body === undefined ? {} : { body }),
        },
        { deadline: request.deadline ?? Date.now() + timeoutMs, doing: `${request.doing} at ${server}` },
      );
      const tries = answer.attempts > 1 ? ` after ${answer.attempts} attempts` : "";
      options.logger?.debug(
        `${request.method} ${describeUrl(url.toString())}: HTTP ${answer.response.status}${tries}`,
      );
      return answer;
    },
    errorContext(doing, permissions, attempts) {
      return { server, doing, secrets, hadCredentials, permissions, ...(attempts ? { attempts } : {}) };
    },
    close: () => transport.close(),
  };
}
