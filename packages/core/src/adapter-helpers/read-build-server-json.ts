import type { HttpClient, HttpRequestOptions, HttpResponse } from "../adapter";
import { BuildInfoError } from "../errors";
import { summariseBody } from "../summarise-body";
import { getBuildServerResponse } from "./get-build-server-response";

/**
 * The JSON body of a build server's answer. A body that is not JSON (a proxy's or sign-in page, a cut
 * answer) is `E_BUILD_SERVER_RESPONSE` — a remote failure, so adapters with a fallback read the
 * checkout instead — naming the origin and path (no query, no credentials), the status, the content
 * type and the start of the body, with `secrets` (the request's credentials) and anything that looks
 * like one masked: a sign-in page may echo them. `hint` says which setting points at the wrong place.
 */
export function readBuildServerJson<T>(
  response: HttpResponse,
  url: string,
  hint: string,
  secrets: readonly string[] = [],
): T {
  try {
    return JSON.parse(response.text) as T;
  } catch (error) {
    const target = new URL(url);
    const source = `${target.origin}${target.pathname}`;
    const type = response.headers["content-type"] ?? "no content type";
    const snippet = summariseBody(response.text, secrets);
    throw new BuildInfoError(
      "E_BUILD_SERVER_RESPONSE",
      `The response from ${source} was not JSON (HTTP ${response.status}, ${type})${snippet ? `: ${snippet}` : ""}.`,
      { hint, source, cause: error },
    );
  }
}

/** GET a build server's API and read its 2xx answer as JSON (`getBuildServerResponse`, then `readBuildServerJson`). */
export async function getBuildServerJson<T>(
  http: HttpClient,
  url: string,
  options: HttpRequestOptions & { what: string; hint: string; notJsonHint: string },
): Promise<T> {
  const { notJsonHint, ...request } = options;
  const secrets = [request.basicAuth?.password, request.bearerToken].filter(
    (secret): secret is string => secret !== undefined,
  );
  return readBuildServerJson<T>(await getBuildServerResponse(http, url, request), url, notJsonHint, secrets);
}
