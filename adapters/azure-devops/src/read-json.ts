import { BuildInfoError, type HttpResponse, readBuildServerJson } from "@buildinfo/core";

const AZURE_DEVOPS_URL_HINT =
  "Check that SYSTEM_COLLECTIONURI is the Azure DevOps collection, not a proxy or sign-in page.";

/**
 * The JSON body of an Azure DevOps REST answer. A token Azure DevOps does not accept gets
 * `203 Non-Authoritative Information` with a sign-in page instead of an error status. `token` is
 * masked in a non-JSON answer's snippet: a sign-in page may echo it.
 */
export function readAzureDevOpsJson<T>(response: HttpResponse, url: string, hint: string, token: string): T {
  if (response.status === 203) {
    const target = new URL(url);
    throw new BuildInfoError(
      "E_BUILD_SERVER_HTTP_203",
      `${target.origin}${target.pathname} answered HTTP 203 without JSON ` +
        "(Azure DevOps does that when it does not accept the token).",
      { hint, source: `${target.origin}${target.pathname}` },
    );
  }
  return readBuildServerJson<T>(response, url, AZURE_DEVOPS_URL_HINT, [token]);
}
