import { BuildInfoError, type Environment } from "@buildinfo/core";
import { createHttpClient } from "@buildinfo/http";
import { exchangeOidcToken } from "@buildinfo/octopus";
import type { CliLogger } from "./logging/create-logger";
import type { Connection } from "./settings/connection";

/**
 * The connection with an access token when it names a service account: the CI identity token (given,
 * or requested from GitHub Actions for that audience) is exchanged at the Octopus server, as the
 * OctopusDeploy/login action does. Both tokens join the secrets the log never shows.
 */
export async function withOidcAccessToken(
  connection: Connection,
  env: Environment,
  logger: CliLogger,
): Promise<Connection> {
  if (connection.oidc === undefined) return connection;
  const { serviceAccountId } = connection.oidc;
  const idToken =
    connection.oidc.idToken ?? (await requestGitHubIdToken(env, serviceAccountId, connection.timeoutMs));
  logger.addSecret(idToken);
  const accessToken = await exchangeOidcToken({
    serverUrl: connection.serverUrl,
    serviceAccountId,
    idToken,
    ...(connection.timeoutMs === undefined ? {} : { timeoutMs: connection.timeoutMs }),
    logger,
  });
  logger.addSecret(accessToken);
  logger.info(`signed in with OIDC as service account ${serviceAccountId}`);
  const { oidc: _oidc, ...rest } = connection;
  return { ...rest, accessToken };
}

async function requestGitHubIdToken(
  env: Environment,
  audience: string,
  timeoutMs: number | undefined,
): Promise<string> {
  const url = gitHubIdTokenUrl(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? "");
  url.searchParams.set("audience", audience);
  const http = createHttpClient(timeoutMs === undefined ? {} : { timeoutMs });
  try {
    const response = await http.get(url.href, { bearerToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "" });
    const value = response.status === 200 ? tokenValue(response.text) : undefined;
    if (typeof value !== "string" || value === "") {
      throw new BuildInfoError(
        "E_OIDC",
        `GitHub Actions answered HTTP ${response.status} to the identity-token request, without a token.`,
        {
          hint: "Check that the workflow grants `permissions: id-token: write`.",
          source: "ACTIONS_ID_TOKEN_REQUEST_URL",
        },
      );
    }
    return value;
  } finally {
    await http.close();
  }
}

function tokenValue(text: string): unknown {
  try {
    return (JSON.parse(text) as { value?: unknown } | null)?.value;
  } catch {
    return undefined;
  }
}

function gitHubIdTokenUrl(raw: string): URL {
  try {
    const url = new URL(raw);
    if (url.protocol === "https:" || url.protocol === "http:") return url;
  } catch {
    // reported below
  }
  throw new BuildInfoError(
    "E_USAGE",
    "ACTIONS_ID_TOKEN_REQUEST_URL is not an http(s) URL, so no identity token can be requested.",
    {
      hint: "Leave ACTIONS_ID_TOKEN_REQUEST_URL to GitHub Actions, or pass the token with --id-token.",
      source: "ACTIONS_ID_TOKEN_REQUEST_URL",
    },
  );
}
