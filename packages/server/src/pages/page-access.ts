import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { appPaths } from "./page-paths";

const cookieName = "buildinfo-pages";
/** A session lasts a working day. */
const sessionSeconds = 12 * 60 * 60;

const secret = () => randomBytes(24).toString("base64url");

function sameSecret(given: string, expected: string): boolean {
  if (expected === "") return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether a connection comes from this machine's loopback interface (IPv4 127/8, `::1`, or either mapped). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined || isIP(address) === 0) return false;
  const plain = address.toLowerCase().replace(/^::ffff:/, "");
  return plain === "::1" || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

/** What a sign-in attempt ends in: a session (its cookie) or nothing. */
export type SignInResult = { cookie: string } | undefined;

/**
 * Who may read the pages: anyone on loopback (as the API's own loopback-only default assumes); from another
 * machine only a browser that signed in, with the one-time link printed at start or with an API key, and
 * holds the session cookie that gave it.
 */
export class PageAccess {
  /** Each session and when it ends (ms since the epoch). */
  private readonly sessions = new Map<string, number>();
  private oneTimeToken: string | undefined = secret();

  constructor(private readonly apiKeys: readonly string[]) {}

  /** The one-time sign-in path (until it is used), for `buildinfo serve` to print. */
  get oneTimePath(): string | undefined {
    return this.oneTimeToken === undefined
      ? undefined
      : `${appPaths.signIn}?token=${encodeURIComponent(this.oneTimeToken)}`;
  }

  allows(remoteAddress: string | undefined, headers: Record<string, string>): boolean {
    if (isLoopbackAddress(remoteAddress)) return true;
    const apiKey = headers["x-octopus-apikey"];
    if (apiKey !== undefined && this.apiKeys.some((key) => sameSecret(apiKey, key))) return true;
    const session = sessionOf(headers.cookie);
    const now = Date.now();
    return (
      session !== undefined &&
      [...this.sessions].some(([known, ends]) => ends > now && sameSecret(session, known))
    );
  }

  /** Signs in with the one-time token (used up by it) or an API key. */
  signIn(credentials: { token?: string | undefined; apiKey?: string | undefined }): SignInResult {
    const { token, apiKey } = credentials;
    const byToken =
      token !== undefined && this.oneTimeToken !== undefined && sameSecret(token, this.oneTimeToken);
    const byKey = apiKey !== undefined && this.apiKeys.some((key) => sameSecret(apiKey.trim(), key));
    if (!byToken && !byKey) return undefined;
    if (byToken) this.oneTimeToken = undefined;
    const session = secret();
    this.sessions.set(session, Date.now() + sessionSeconds * 1000);
    // Lax, not Strict: the one-time link is often opened from another site (a chat, a mail), and with Strict
    // the redirect after it would arrive without the cookie. The pages only read; the form is origin-checked.
    return {
      cookie: `${cookieName}=${session}; Path=/app; Max-Age=${sessionSeconds}; HttpOnly; SameSite=Lax`,
    };
  }
}

function sessionOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === cookieName) return value.join("=");
  }
  return undefined;
}
