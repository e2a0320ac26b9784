import { BuildInfoError } from "../errors";

/**
 * A link a server's API answered with (TeamCity's `nextHref`, Octopus's OIDC `token_endpoint`),
 * resolved against the configured server URL (a relative link stays under its path) and allowed only
 * on that server's origin: another host, port or scheme (https → http included) is refused, so the
 * build's credentials are never sent anywhere else. Userinfo in the link is dropped.
 */
export function sameOriginLink(link: string, server: string, what: string): string {
  const base = new URL(server.endsWith("/") ? server : `${server}/`);
  let url: URL | undefined;
  try {
    url = new URL(link, base);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.origin !== base.origin) {
    const target = url === undefined ? "an invalid URL" : `${url.protocol}//${url.host}`;
    throw new BuildInfoError(
      "E_CROSS_ORIGIN_LINK",
      `${what} from ${base.origin} points at ${target}, another origin; it was not followed, so no credentials were sent there.`,
      { source: base.origin },
    );
  }
  url.username = "";
  url.password = "";
  return url.href;
}
