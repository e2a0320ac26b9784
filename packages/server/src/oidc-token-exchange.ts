import { randomBytes } from "node:crypto";
import type { ServerReply } from "./octopus-resources";

export interface OidcOptions {
  /** The service account id a CI identity token is exchanged for (the `audience`). */
  serviceAccountId: string;
  /** The CI-issued identity tokens (JWTs) the server trusts. */
  idTokens: string[];
}

const tokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
const jwtTokenType = "urn:ietf:params:oauth:token-type:jwt";
export const tokenEndpointPath = "/token/v1";

function oauthError(error: string, description: string): ServerReply {
  return { status: 400, body: { error, error_description: description } };
}

export function openIdConfiguration(baseUrl: string): ServerReply {
  return {
    status: 200,
    body: { issuer: baseUrl, token_endpoint: `${baseUrl}${tokenEndpointPath}` },
  };
}

/**
 * The RFC 8693 exchange of a CI identity token for an Octopus access token, as the Octopus login
 * action performs it. A granted token is added to `accessTokens`, so it works as `Authorization: Bearer`.
 */
export function exchangeToken(bodyText: string, oidc: OidcOptions, accessTokens: string[]): ServerReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return oauthError("invalid_request", "The request body must be JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return oauthError("invalid_request", "The request body must be a JSON object.");
  }
  const body = parsed as Record<string, unknown>;
  if (body.grant_type !== tokenExchangeGrant) {
    return oauthError("unsupported_grant_type", `grant_type must be ${tokenExchangeGrant}.`);
  }
  if (body.subject_token_type !== jwtTokenType) {
    return oauthError("invalid_request", `subject_token_type must be ${jwtTokenType}.`);
  }
  if (body.audience !== oidc.serviceAccountId) {
    return oauthError("invalid_grant", "No service account matches the audience.");
  }
  if (typeof body.subject_token !== "string" || !oidc.idTokens.includes(body.subject_token)) {
    return oauthError("invalid_grant", "The subject token was not issued by a trusted identity provider.");
  }
  const accessToken = `octopus-access-${randomBytes(16).toString("hex")}`;
  accessTokens.push(accessToken);
  return {
    status: 200,
    body: {
      access_token: accessToken,
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      token_type: "Bearer",
      expires_in: 3600,
    },
  };
}
