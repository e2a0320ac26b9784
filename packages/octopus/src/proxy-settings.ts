import type { Environment } from "@buildinfo/core";

export interface ProxySettings {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

/** The proxy variables as curl and undici read them: lower case first, then upper case. */
export function proxySettingsFromEnv(env: Environment): ProxySettings {
  const pick = (name: string) => env[name.toLowerCase()] ?? env[name] ?? "";
  const httpProxy = pick("HTTP_PROXY");
  return { httpProxy, httpsProxy: pick("HTTPS_PROXY") || httpProxy, noProxy: pick("NO_PROXY") };
}

const defaultPorts: Readonly<Record<string, number>> = { "http:": 80, "https:": 443 };

/**
 * Whether undici's EnvHttpProxyAgent, given these settings, sends a request for `url` through a
 * proxy: its rules restated (docs/reference/proxy-variables.md), so that a request it would send
 * direct goes through Node's own http without loading undici at all.
 */
export function usesProxy(url: URL, settings: ProxySettings): boolean {
  const proxy = url.protocol === "https:" ? settings.httpsProxy : settings.httpProxy;
  if (proxy === "") return false;
  // url.host keeps the brackets around an IPv6 address, as NO_PROXY writes it.
  const hostname = url.host.replace(/:\d*$/, "").toLowerCase();
  const port = Number.parseInt(url.port, 10) || defaultPorts[url.protocol] || 0;
  const entries = settings.noProxy.split(/[,\s]/).filter((entry) => entry !== "");
  if (entries.length === 0) return true;
  if (settings.noProxy === "*") return false;
  return !entries.some((entry) => {
    const withPort = /^(.+):(\d+)$/.exec(entry);
    const entryPort = withPort ? Number.parseInt(withPort[2]!, 10) : 0;
    if (entryPort !== 0 && entryPort !== port) return false;
    const entryHost = (withPort ? withPort[1]! : entry).replace(/^\*?\./, "").toLowerCase();
    return hostname === entryHost || hostname.endsWith(`.${entryHost}`);
  });
}
