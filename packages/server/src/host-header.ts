const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Whether a request's `Host` names this server: a loopback name, or the address it listens on (an IPv6 one
 * written in brackets, as a Host header has it). Anything else may be a rebound DNS name.
 */
export function isOwnHost(hostHeader: string, listening: string): boolean {
  const hostname = /^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(hostHeader)?.[1]?.toLowerCase() ?? "";
  const address = listening.toLowerCase();
  return loopbackHosts.has(hostname) || hostname === address || hostname === `[${address}]`;
}
