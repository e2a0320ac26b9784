import { isCredentialParam } from "./credential-params";

const mask = "***";

const urlUserinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

const patterns: ReadonlyArray<[RegExp, string]> = [
  [
    /\b(Authorization|Proxy-Authorization|X-Octopus-ApiKey|X-NuGet-ApiKey)(["']?\s*[:=]\s*["']?)[^\r\n"',}]+/gi,
    `$1$2${mask}`,
  ],
  [/\b(Bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*/g, `$1 ${mask}`],
  [/\bAPI-[A-Za-z0-9]{16,}\b/g, `API-${mask}`],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,})/g, mask],
  [urlUserinfo, `$1${mask}@`],
];

/** `?name=value` anywhere in a text; the value is masked when the name is a credential's (credential-params.ts). */
const queryParam = /([?&])([A-Za-z0-9_-]+)=([^&#\s"']+)/g;

/**
 * The text with every secret replaced by `***`: the given secrets (also URL-encoded), Octopus API keys,
 * bearer tokens, authorization headers, well-known CI tokens, credentials in URLs and
 * secret-looking query parameters.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let result = redactKnownSecrets(text, secrets);
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result.replace(queryParam, (whole, separator: string, name: string) =>
    isCredentialParam(name) ? `${separator}${name}=${mask}` : whole,
  );
}

/** The text with only the given secrets (also URL-encoded) replaced by `***`; nothing else changes. */
export function redactKnownSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  const literal = secrets
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .filter((secret) => secret.trim() !== "")
    .sort((a, b) => b.length - a.length);
  for (const secret of new Set(literal)) result = result.replaceAll(secret, mask);
  return result;
}

/** A URL safe to print: credentials and secret query parameters replaced by `***`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactSecrets(url);
  }
  if (parsed.username !== "" || parsed.password !== "") {
    parsed.username = mask;
    parsed.password = "";
  }
  return redactSecrets(parsed.toString());
}

/** The text with the userinfo of every URL in it (`https://user:token@host`) replaced by `***`. */
export function redactUrlUserinfo(text: string): string {
  return text.replace(urlUserinfo, `$1${mask}@`);
}
