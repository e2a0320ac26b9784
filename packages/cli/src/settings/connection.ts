import { BuildInfoError, type Environment, redactUrl, shortened } from "@buildinfo/core";
import { durationOption, type ParsedArgs, stringValue } from "../args";

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

interface Candidate {
  value: string | undefined;
  source: string;
}

function first(...candidates: Candidate[]): { value: string; source: string } | undefined {
  for (const candidate of candidates) {
    const value = candidate.value?.trim();
    if (value !== undefined && value !== "") return { value, source: candidate.source };
  }
  return undefined;
}

/** Secrets given on the command line or in the environment, so every output can leave them out. */
export function knownSecrets(values: ParsedArgs["values"], env: Environment): string[] {
  return [
    stringValue(values, "api-key"),
    stringValue(values, "apiKey"),
    stringValue(values, "access-token"),
    stringValue(values, "id-token"),
    env.OCTOPUS_API_KEY,
    env.OCTOPUS_ID_TOKEN,
    env.OCTOPUS_CLI_API_KEY,
    env.OCTOPUS_ACCESS_TOKEN,
    // The adapters' build-server tokens: an API answer (a proxy's page) may echo them back. Not
    // BAMBOO_PASSWORD: a person's password may be a common word, and data is never rewritten by a guess.
    env.SYSTEM_ACCESSTOKEN,
    env.GITHUB_TOKEN,
    env.GH_TOKEN,
    env.JENKINS_API_TOKEN,
    env.BAMBOO_TOKEN,
  ].filter((value): value is string => value !== undefined && value.trim() !== "");
}

/**
 * The server, credentials and space from flags, then the environment variables the official tools
 * use. `required: false` (a dry run) lets the server and credentials be absent.
 */
export function resolveConnection(
  values: ParsedArgs["values"],
  env: Environment,
  options: { required: boolean },
): Connection | undefined {
  const server = first(
    { value: stringValue(values, "server"), source: "--server" },
    { value: env.OCTOPUS_URL, source: "OCTOPUS_URL" },
    { value: env.OCTOPUS_CLI_SERVER, source: "OCTOPUS_CLI_SERVER" },
  );
  const apiKey = first(
    { value: stringValue(values, "api-key"), source: "--api-key" },
    { value: stringValue(values, "apiKey"), source: "--apiKey" },
    { value: env.OCTOPUS_API_KEY, source: "OCTOPUS_API_KEY" },
    { value: env.OCTOPUS_CLI_API_KEY, source: "OCTOPUS_CLI_API_KEY" },
  );
  const accessToken = first(
    { value: stringValue(values, "access-token"), source: "--access-token" },
    { value: env.OCTOPUS_ACCESS_TOKEN, source: "OCTOPUS_ACCESS_TOKEN" },
  );
  const serviceAccountId = first(
    { value: stringValue(values, "service-account-id"), source: "--service-account-id" },
    { value: env.OCTOPUS_SERVICE_ACCOUNT_ID, source: "OCTOPUS_SERVICE_ACCOUNT_ID" },
  );
  const idToken = first(
    { value: stringValue(values, "id-token"), source: "--id-token" },
    { value: env.OCTOPUS_ID_TOKEN, source: "OCTOPUS_ID_TOKEN" },
  );
  const space = first(
    { value: stringValue(values, "space"), source: "--space" },
    { value: env.OCTOPUS_SPACE, source: "OCTOPUS_SPACE" },
  );
  const timeoutMs = durationOption(values, "timeout");

  if (server === undefined) {
    if (!options.required) return undefined;
    throw new BuildInfoError("E_USAGE", "No Octopus server given.", {
      hint: "Pass --server https://your.octopus.app or set OCTOPUS_URL.",
      source: "--server",
    });
  }
  const serverUrl = validateServerUrl(server.value, server.source);
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

function validateServerUrl(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BuildInfoError(
      "E_USAGE",
      `The Octopus server URL '${shortened(redactUrl(raw))}' (from ${source}) is not a URL.`,
      {
        hint: "Give the absolute address, e.g. https://octopus.example.com.",
        source,
      },
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new BuildInfoError(
      "E_USAGE",
      `The Octopus server URL '${shortened(redactUrl(raw))}' (from ${source}) must use http or https.`,
      { hint: "Give the absolute address, e.g. https://octopus.example.com.", source },
    );
  }
  if (url.search !== "" || url.hash !== "") {
    throw new BuildInfoError(
      "E_USAGE",
      `The Octopus server URL '${shortened(redactUrl(raw))}' (from ${source}) has a query or fragment.`,
      { hint: "Give only the server's base address, e.g. https://octopus.example.com/octopus.", source },
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** GitHub Actions hands a job these two when the workflow has `permissions: id-token: write`. */
function canRequestGitHubIdToken(env: Environment): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL) && Boolean(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
