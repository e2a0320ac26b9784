// TextManipulationFunction.UriPart: one part of a URI as System.Uri gives it. A text that is not an absolute
// URI is a relative one, which answers only IsAbsoluteUri (docs/reference/octostache.md#uripart).

const defaultPorts: Record<string, number> = {
  "http:": 80,
  "https:": 443,
  "ftp:": 21,
  "ws:": 80,
  "wss:": 443,
  "file:": -1,
};

function absolute(text: string): URL | undefined {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function hostNameType(host: string): string {
  if (host === "") return "Basic";
  if (host.startsWith("[")) return "IPv6";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return "IPv4";
  return "Dns";
}

function part(uri: URL, name: string): string | undefined {
  const port = uri.port === "" ? (defaultPorts[uri.protocol] ?? -1) : Number(uri.port);
  const isDefaultPort = uri.port === "" || Number(uri.port) === defaultPorts[uri.protocol];
  const host = uri.hostname;
  const userInfo =
    uri.username === "" && uri.password === ""
      ? ""
      : `${uri.username}${uri.password === "" ? "" : `:${uri.password}`}`;
  const schemeAndServer = `${uri.protocol}//${host}${isDefaultPort ? "" : `:${port}`}`;
  switch (name) {
    case "absolutepath":
      return uri.pathname;
    case "absoluteuri":
      return uri.href;
    case "authority":
      return `${host}${isDefaultPort ? "" : `:${port}`}`;
    case "dnssafehost":
      return host.replace(/^\[|\]$/g, "");
    case "fragment":
      return uri.hash;
    case "host":
      return host;
    case "hostandport":
      return `${host}:${port}`;
    case "hostnametype":
      return hostNameType(host);
    case "isabsoluteuri":
      return "true";
    case "isdefaultport":
      return String(isDefaultPort);
    case "isfile":
      return String(uri.protocol === "file:");
    case "isloopback":
      return String(host === "localhost" || host.startsWith("127.") || host === "[::1]");
    case "isunc":
      return String(uri.protocol === "file:" && host !== "");
    case "path":
      return decodeURIComponent(uri.pathname);
    case "pathandquery":
      return uri.pathname + uri.search;
    case "port":
      return String(port);
    case "query":
      return uri.search;
    case "scheme":
      return uri.protocol.slice(0, -1);
    case "schemeandserver":
      return schemeAndServer;
    case "userinfo":
      return userInfo;
    default:
      return undefined;
  }
}

export function uriPart(argument: string | null, options: readonly string[]): string | null {
  if (argument === null) return null;
  const option = options[0];
  if (option === undefined) return "[UriPart error: no argument given]";
  const name = option.toLowerCase();
  const uri = absolute(argument);
  if (uri === undefined) {
    if (name === "isabsoluteuri") return "false";
    if (part(new URL("http://x"), name) === undefined)
      return `[UriPart ${option} error: argument '${option}' not supported]`;
    return `[UriPart ${option} error: This operation is not supported for a relative URI.]`;
  }
  return part(uri, name) ?? `[UriPart ${option} error: argument '${option}' not supported]`;
}
