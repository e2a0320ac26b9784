import type { HttpClient, HttpRequestOptions } from "../adapter";
import { getBuildServerResponse } from "./get-build-server-response";

/**
 * GET a build server's API and return the body of a 2xx answer; any other status becomes a
 * `BuildInfoError` (kind remote, code `E_BUILD_SERVER_HTTP_<status>`) naming `what` was asked for.
 * The message shows the origin and path only: no query, no credentials.
 */
export async function getBuildServerText(
  http: HttpClient,
  url: string,
  options: HttpRequestOptions & { what: string; hint: string },
): Promise<string> {
  return (await getBuildServerResponse(http, url, options)).text;
}
