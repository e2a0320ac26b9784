import { BuildInfoError, type Environment, parseOctopusServerUrl } from "@buildinfo/core";
import type { Settings } from "./settings";

export interface Connection {
  /** Absolute http(s) URL without a trailing slash. */
  serverUrl: string;
  apiKey?: string;
  accessToken?: string;
  /** Exchange a CI identity token for an access token (when neither key nor token is given). */
  oidc?: { serviceAccountId: string; idToken?: string };
  /** Name or `Spaces-N`; the server's default space when absent. */
  space?: string;
  timeoutMs?: number;
}

/**
 * The server, credentials and space from flags, then the environment variables the official tools
 * use. `required: false` (a dry run) lets the server and credentials be absent.
 */
export function resolveConnection(
  settings: Settings,
  env: Environment,
  options: { required: boolean },
): Connection | undefined {
  const { values, sources } = settings;
  const sourced = (key: "server" | "apiKey" | "accessToken" | "serviceAccountId" | "idToken" | "space") => {
    const value = values[key]?.trim();
    return value === undefined || value === "" ? undefined : { value, source: sources[key] ?? `--${key}` };
  };
  const server = sourced("server");
  const apiKey = sourced("apiKey");
  const accessToken = sourced("accessToken");
  const serviceAccountId = sourced("serviceAccountId");
  const idToken = sourced("idToken");
  const space = sourced("space");
  const timeoutMs = values.timeoutMs;

  if (server === undefined) {
    if (!options.required) return undefined;
    throw new BuildInfoError("E_USAGE", "No Octopus server given.", {
      hint: "Pass --server https://your.octopus.app or set OCTOPUS_URL.",
      source: "--server",
    });
  }
  const serverUrl = parseOctopusServerUrl(server.value, server.source);
  // An access token given outright wins; then OIDC, when a service account is named; then the API key.
  const useOidc = accessToken === undefined && serviceAccountId !== undefined;
  if (useOidc && idToken === undefined && !canRequestGitHubIdToken(env) && options.required) {
    throw new BuildInfoError(
      "E_USAGE",
      `No identity token to exchange for service account ${serviceAccountId.value}.`,
      {
        hint:
          "Pass --id-token (or set OCTOPUS_ID_TOKEN) with your CI's OIDC token; in GitHub Actions, grant " +
          "`permissions: id-token: write` and the token is requested automatically.",
        source: serviceAccountId.source,
      },
    );
  }
  if (apiKey === undefined && accessToken === undefined && !useOidc && options.required) {
    throw new BuildInfoError("E_USAGE", "No Octopus credentials given.", {
      hint:
        "Pass --api-key API-… or set OCTOPUS_API_KEY (or --access-token / OCTOPUS_ACCESS_TOKEN, or " +
        "--service-account-id / OCTOPUS_SERVICE_ACCOUNT_ID for OIDC).",
      source: "--api-key",
    });
  }
  return {
    serverUrl,
    ...(apiKey === undefined || useOidc ? {} : { apiKey: apiKey.value }),
    ...(accessToken === undefined ? {} : { accessToken: accessToken.value }),
    ...(useOidc
      ? {
          oidc: {
            serviceAccountId: serviceAccountId.value,
            ...(idToken === undefined ? {} : { idToken: idToken.value }),
          },
        }
      : {}),
    ...(space === undefined ? {} : { space: space.value }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}

/** GitHub Actions hands a job these two when the workflow has `permissions: id-token: write`. */
function canRequestGitHubIdToken(env: Environment): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL) && Boolean(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
