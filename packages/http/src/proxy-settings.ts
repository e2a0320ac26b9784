import { BuildInfoError, type Environment } from "@buildinfo/core";

export interface ProxySettings {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

// What undici's ProxyAgent connects through; it speaks SOCKS5 for socks: and socks5:.
const proxyProtocols = new Set(["http:", "https:", "socks:", "socks5:"]);

/**
 * The proxy variables as curl and undici read them: lower case first, then upper case. A proxy value
 * that is not a proxy URL is a usage error here, before any request, not an undici exception at the
 * first one. The value is not echoed: it may carry the proxy's password.
 */
export function proxySettingsFromEnv(env: Environment): ProxySettings {
  const pick = (name: string) => {
    const lower = name.toLowerCase();
    const [source, value] = env[lower] !== undefined ? [lower, env[lower]] : [name, env[name] ?? ""];
    if (value !== "" && name !== "NO_PROXY" && !isProxyUrl(value)) {
      throw new BuildInfoError("E_USAGE", `${source} (from the environment) is not a proxy URL.`, {
        source,
        hint: `Set ${source} to a URL such as http://proxy.example.com:3128, or unset it.`,
      });
    }
    return value;
  };
  const httpProxy = pick("HTTP_PROXY");
  return { httpProxy, httpsProxy: pick("HTTPS_PROXY") || httpProxy, noProxy: pick("NO_PROXY") };
}

/** What ProxyAgent can use: a scheme above, a host, nothing after the port, and decodable credentials. */
function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return (
      proxyProtocols.has(url.protocol) &&
      url.hostname !== "" &&
      (url.pathname === "/" || url.pathname === "") &&
      url.search === "" &&
      url.hash === ""
    );
  } catch {
    return false;
  }
}

const defaultPorts: Readonly<Record<string, number>> = { "http:": 80, "https:": 443 };

/**
 * The proxy a request for `url` goes through, or "" when it goes direct: the rules of undici 7.30.2's
 * EnvHttpProxyAgent, which made this choice before, restated (docs/reference/proxy-variables.md).
 * This is the only place the choice is made, so no undici update can move a request to another route.
 */
export function proxyFor(url: URL, settings: ProxySettings): string {
  const proxy = url.protocol === "https:" ? settings.httpsProxy : settings.httpProxy;
  if (proxy === "") return "";
  // url.host keeps the brackets around an IPv6 address, as NO_PROXY writes it.
  const hostname = url.host.replace(/:\d*$/, "").toLowerCase();
  const port = Number.parseInt(url.port, 10) || defaultPorts[url.protocol] || 0;
  const entries = settings.noProxy.split(/[,\s]/).filter((entry) => entry !== "");
  if (entries.length === 0) return proxy;
  if (settings.noProxy === "*") return "";
  const exempt = entries.some((entry) => {
    const withPort = /^(.+):(\d+)$/.exec(entry);
    const entryPort = withPort ? Number.parseInt(withPort[2]!, 10) : 0;
    if (entryPort !== 0 && entryPort !== port) return false;
    const entryHost = (withPort ? withPort[1]! : entry).replace(/^\*?\./, "").toLowerCase();
    return hostname === entryHost || hostname.endsWith(`.${entryHost}`);
  });
  return exempt ? "" : proxy;
}
