import { BuildInfoError, redactSecrets, sameOriginLink } from "@buildinfo/core";
import type { TransportOptions } from "@buildinfo/http";
import { createApiCaller } from "./api-caller";
import { isJsonResponse, octopusErrorWords, parseJson, serverWord } from "./response-errors";
import { serverText } from "./server-value";

export interface OidcExchangeOptions extends TransportOptions {
  serverUrl: string;
  /** The Octopus service account's OIDC audience (its service account id). */
  serviceAccountId: string;
  /** The CI-issued OIDC id token (a JWT). */
  idToken: string;
  timeoutMs?: number;
}

/**
 * Exchanges a CI identity token for an Octopus access token (RFC 8693, as OctopusDeploy/login does):
 * discovery at `/.well-known/openid-configuration`, then a POST to its `token_endpoint`.
 */
export async function exchangeOidcToken(options: OidcExchangeOptions): Promise<string> {
  const { serviceAccountId, idToken, ...transport } = options;
  const api = createApiCaller(transport);
  const secrets = [idToken];
  const failed = (message: string, hint: string) =>
    new BuildInfoError("E_OIDC", redactSecrets(message, secrets), {
      source: api.server,
      hint,
    });
  try {
    const doing = "reading the OpenID configuration";
    const discovery = await api.call({ method: "GET", path: "/.well-known/openid-configuration", doing });
    if (discovery.response.status !== 200) {
      throw failed(
        `${api.server} answered HTTP ${discovery.response.status} to ${doing}.`,
        "OIDC needs Octopus 2024.1 or newer with OpenID Connect enabled; check the server URL.",
      );
    }
    const configuration = parseJson<{ token_endpoint?: string }>(
      discovery.response,
      api.errorContext(doing, "none", discovery.attempts),
    );
    if (!configuration.token_endpoint) {
      throw failed(`${api.server}'s OpenID configuration names no token_endpoint.`, "Check the server URL.");
    }
    // The id token goes only to the server we were given: a configuration naming another origin (or
    // plain http from https) would hand it to whoever answered there.
    const endpoint = sameOriginLink(
      configuration.token_endpoint,
      api.server,
      "The OpenID configuration's token_endpoint",
    );
    const exchange = await api.call({
      method: "POST",
      path: endpoint,
      body: {
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        audience: serviceAccountId,
        subject_token: idToken,
        subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
      },
      doing: "exchanging the OIDC token",
    });
    const { status, text } = exchange.response;
    const body = isJsonResponse(exchange.response) ? safeJson(text) : {};
    if (status >= 200 && status <= 299 && typeof body.access_token === "string") return body.access_token;
    const octopusWords = octopusErrorWords(body, secrets);
    const reason =
      [body.error, body.error_description]
        .filter((word) => serverText(word))
        .map((word) => serverWord(word, secrets))
        .join(": ") ||
      [octopusWords.summary, ...octopusWords.errors].filter(Boolean).join(" ") ||
      (status >= 200 && status <= 299 ? "the answer has no access_token" : "no reason given");
    throw failed(
      `Octopus refused the OIDC token exchange for service account ${serviceAccountId} (HTTP ${status}): ${reason}.`,
      "Check the service account's OIDC identity: its issuer and subject must match this CI job's token, " +
        "and the audience must be the service account id.",
    );
  } finally {
    await api.close();
  }
}

interface TokenAnswer {
  access_token?: unknown;
  error?: unknown;
  error_description?: unknown;
  ErrorMessage?: unknown;
  Errors?: unknown;
}

function safeJson(text: string): TokenAnswer {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === "object" && parsed !== null ? (parsed as TokenAnswer) : {};
  } catch {
    return {};
  }
}
