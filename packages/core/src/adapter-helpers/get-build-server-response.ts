import type { HttpClient, HttpRequestOptions, HttpResponse } from "../adapter";
import { BuildInfoError } from "../errors";

/**
 * GET a build server's API and return a 2xx answer whole (status, headers, body); any other status
 * becomes a `BuildInfoError` (kind remote, code `E_BUILD_SERVER_HTTP_<status>`) naming `what` was
 * asked for. The message shows the origin and path only: no query, no credentials.
 */
export async function getBuildServerResponse(
  http: HttpClient,
  url: string,
  options: HttpRequestOptions & { what: string; hint: string },
): Promise<HttpResponse> {
  const { what, hint, ...requestOptions } = options;
  const response = await http.get(url, requestOptions);
  if (response.status >= 200 && response.status < 300) return response;
  const target = new URL(url);
  throw new BuildInfoError(
    `E_BUILD_SERVER_HTTP_${response.status}`,
    `Reading ${what} from ${target.origin}${target.pathname} failed with HTTP ${response.status}.`,
    { hint, source: `${target.origin}${target.pathname}` },
  );
}
