import { BuildInfoError, type HttpResponse } from "@buildinfo/core";

/**
 * The JSON body of an Azure DevOps REST answer. A token Azure DevOps does not accept gets
 * `203 Non-Authoritative Information` with a sign-in page instead of an error status.
 */
export function readAzureDevOpsJson<T>(response: HttpResponse, url: string, hint: string): T {
  const target = new URL(url);
  if (response.status !== 203) {
    try {
      return JSON.parse(response.text) as T;
    } catch {
      // Reported below, like the sign-in page.
    }
  }
  throw new BuildInfoError(
    response.status === 203 ? "E_BUILD_SERVER_HTTP_203" : "E_BUILD_SERVER_RESPONSE",
    `${target.origin}${target.pathname} answered HTTP ${response.status} without JSON ` +
      "(Azure DevOps does that when it does not accept the token).",
    { hint, source: `${target.origin}${target.pathname}` },
  );
}
