import type { Environment, HttpRequestOptions } from "../adapter";

/** Basic credentials from a user and a secret variable, only when both are set to non-blank values. */
export function basicAuthFromEnv(
  env: Environment,
  userVariable: string,
  secretVariable: string,
): HttpRequestOptions["basicAuth"] {
  const username = env[userVariable];
  const password = env[secretVariable];
  if (username === undefined || username.trim() === "" || password === undefined || password.trim() === "")
    return undefined;
  return { username, password };
}
