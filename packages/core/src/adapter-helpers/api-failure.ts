import { type BuildInfoError, isBuildInfoError } from "../errors";

/**
 * The one fallback policy of adapters: a build server's API that failed — an error status, an answer
 * that cannot be read, the network — is a remote `BuildInfoError`, returned so the adapter can fall
 * back to the checkout and say why. Anything else (invalid input, or a bug such as a TypeError) is
 * rethrown: it is reported, never turned into "the API could not be read".
 */
export function apiFailure(error: unknown): BuildInfoError {
  if (isBuildInfoError(error) && error.kind === "remote") return error;
  throw error;
}
