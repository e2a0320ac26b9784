import type { Environment } from "@buildinfo/core";
import { EnvProxyDispatcher } from "./env-proxy-dispatcher";
import { LazyUndiciDispatcher } from "./lazy-undici-dispatcher";
import { NodeHttpDispatcher } from "./node-http-dispatcher";
import { proxySettingsFromEnv } from "./proxy-settings";
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

/**
 * Keep-alive agents (a pool per server origin) that go through `HTTPS_PROXY`/`HTTP_PROXY` unless
 * `NO_PROXY` exempts the host: undici's ProxyAgent for proxied requests, loaded for the first of them;
 * Node's own http for the others, and for all when no proxy is set (docs/performance.md). TLS is
 * verified by Node's defaults, which include `NODE_EXTRA_CA_CERTS`; nothing here can turn
 * verification off. A proxy variable that is not a proxy URL throws E_USAGE here.
 */
export function createDispatcher(
  env: Environment,
  timeouts: RequestTimeouts = {},
  connections = defaultConnectionsPerOrigin,
): AnyDispatcher {
  const limits = { ...defaultRequestTimeouts, ...timeouts };
  const keepAliveMs = 10_000;
  const proxy = proxySettingsFromEnv(env);
  const direct = new NodeHttpDispatcher({ ...limits, connections, keepAliveMs });
  if (proxy.httpProxy === "" && proxy.httpsProxy === "") return direct;
  const through = (uri: string) =>
    new LazyUndiciDispatcher(
      ({ ProxyAgent, Pool }) =>
        new ProxyAgent({
          uri,
          // Plain-http servers are reached through the proxy as a forward proxy, so its error pages are readable.
          proxyTunnel: false,
          connections,
          keepAliveTimeout: keepAliveMs,
          headersTimeout: limits.headersMs,
          bodyTimeout: limits.bodyMs,
          // ProxyAgent replaces `connect` with its own: the connect timeout goes to the connection to the
          // proxy (proxyTls) and to the TLS handshake inside a CONNECT tunnel (requestTls), or it stays
          // undici's 10 s default (test/transport-contract.test.ts).
          proxyTls: { timeout: limits.connectMs },
          requestTls: { timeout: limits.connectMs },
          // undici gives the pool to a forward proxy only the connector, so the socket limit and the
          // keep-alive time are set here, as they are for every other pool.
          factory: (origin, options) =>
            new Pool(origin, { connections, keepAliveTimeout: keepAliveMs, ...options }),
        }),
    );
  return new EnvProxyDispatcher(proxy, direct, through);
}
