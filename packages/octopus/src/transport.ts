import type { Environment } from "@buildinfo/core";
import { LazyUndiciDispatcher } from "./lazy-undici-dispatcher";
import { NodeHttpDispatcher } from "./node-http-dispatcher";
import type { AnyDispatcher } from "./request";

/** Per-request limits; the whole operation is bounded separately by `timeoutMs`. */
export interface RequestTimeouts {
  /** TCP + TLS handshake. Default 10 s. */
  connectMs?: number;
  /** From the request being sent to the response headers. Default 30 s. */
  headersMs?: number;
  /** Longest silence while the body is read. Default 30 s. */
  bodyMs?: number;
}

export const defaultRequestTimeouts: Required<RequestTimeouts> = {
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 30_000,
};

/** Sockets (and POSTs in flight) per server unless the client asks for more: docs/reference/octopus-server-capacity.md. */
export const defaultConnectionsPerOrigin = 64;

interface ProxySettings {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

/** The proxy variables as curl and undici read them: lower case first, then upper case. */
function proxySettingsFromEnv(env: Environment): ProxySettings {
  const pick = (name: string) => env[name.toLowerCase()] ?? env[name] ?? "";
  const httpProxy = pick("HTTP_PROXY");
  return { httpProxy, httpsProxy: pick("HTTPS_PROXY") || httpProxy, noProxy: pick("NO_PROXY") };
}

/**
 * One keep-alive agent (a pool per server origin) that goes through `HTTPS_PROXY`/`HTTP_PROXY` unless
 * `NO_PROXY` matches: undici's, loaded on the first request; with no proxy set, Node's own http
 * (docs/performance.md). TLS is verified by Node's defaults, which include `NODE_EXTRA_CA_CERTS`;
 * nothing here can turn verification off.
 */
export function createDispatcher(
  env: Environment,
  timeouts: RequestTimeouts = {},
  connections = defaultConnectionsPerOrigin,
): AnyDispatcher {
  const limits = { ...defaultRequestTimeouts, ...timeouts };
  const keepAliveMs = 10_000;
  const proxy = proxySettingsFromEnv(env);
  if (proxy.httpProxy === "" && proxy.httpsProxy === "") {
    return new NodeHttpDispatcher({ ...limits, connections, keepAliveMs });
  }
  return new LazyUndiciDispatcher(
    ({ EnvHttpProxyAgent }) =>
      new EnvHttpProxyAgent({
        ...proxy,
        // Plain-http servers are reached through the proxy as a forward proxy, so its error pages are readable.
        proxyTunnel: false,
        connections,
        keepAliveTimeout: keepAliveMs,
        connect: { timeout: limits.connectMs },
        headersTimeout: limits.headersMs,
        bodyTimeout: limits.bodyMs,
      }),
  );
}
