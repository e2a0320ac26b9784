import { BuildInfoError, isBuildInfoError } from "@buildinfo/core";
import { RetriesExhaustedError } from "./retry";
import { TransportError } from "./send";

/** What was being attempted, for the message: "pushing Acme.Web 1.2.3 to https://octopus.example.com". */
export function transportErrorToBuildInfoError(error: TransportError, doing: string): BuildInfoError {
  const { failure } = error;
  const tries =
    error instanceof RetriesExhaustedError && error.attempts > 1
      ? ` (gave up after ${error.attempts} attempts in ${(error.elapsedMs / 1000).toFixed(1)} s)`
      : "";
  if (failure.kind === "timeout") {
    return new BuildInfoError("E_TIMEOUT", `Timed out ${doing}: ${failure.description}${tries}.`, {
      cause: error,
    });
  }
  if (failure.code === "E_RESPONSE_TOO_LARGE") {
    return new BuildInfoError("E_RESPONSE_TOO_LARGE", `Unexpected answer ${doing}: ${failure.description}.`, {
      cause: error,
    });
  }
  const hint = /certificate/i.test(failure.description)
    ? "Add the issuing CA to a PEM file and point NODE_EXTRA_CA_CERTS at it; TLS verification stays on."
    : /proxy/i.test(failure.description)
      ? "Check HTTPS_PROXY / HTTP_PROXY (and NO_PROXY for hosts that must bypass it)."
      : "Check the server URL, DNS, firewalls and proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).";
  return new BuildInfoError("E_NETWORK", `Network failure ${doing}: ${failure.description}${tries}.`, {
    hint,
    cause: error,
  });
}

/**
 * Whether a failed `Transport.send` may still have reached the server: its last attempt failed after the
 * request was sent (a reset, a timeout waiting for the answer), so the server may have applied it.
 */
export function mayHaveArrived(error: unknown): error is BuildInfoError {
  return (
    isBuildInfoError(error) && error.cause instanceof TransportError && error.cause.failure.maybeDelivered
  );
}
