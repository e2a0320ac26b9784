import { shortened } from "./describe-value";
import { BuildInfoError } from "./errors";
import { redactUrl } from "./redact";

/**
 * The one rule for an Octopus server URL, used by the CLI for `--server`/`OCTOPUS_URL` and by the client
 * for `serverUrl`: an absolute http(s) address, without a query or fragment (they mean nothing to the
 * API and usually mean a page's address was pasted). A user name or password in it is dropped (the API
 * key is the credential), as is a trailing `/app` (the web UI) or `/api` (the API root): both still mean
 * the server. A virtual directory (`/octopus`) is kept. `source` names where the value came from, for
 * the error: a flag, a variable, an option of the embedder's.
 */
export function parseOctopusServerUrl(raw: string, source: string): string {
  const shown = `'${shortened(redactUrl(raw.trim()))}' (from ${source})`;
  const example =
    "Give the server's base address, e.g. https://octopus.example.com or https://example.com/octopus.";
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new BuildInfoError("E_USAGE", `The Octopus server URL ${shown} is not a URL.`, {
      hint: example,
      source,
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new BuildInfoError("E_USAGE", `The Octopus server URL ${shown} must use http or https.`, {
      hint: example,
      source,
    });
  }
  if (url.search !== "" || url.hash !== "") {
    throw new BuildInfoError("E_USAGE", `The Octopus server URL ${shown} has a query or fragment.`, {
      hint: example,
      source,
    });
  }
  url.username = "";
  url.password = "";
  return url.href
    .replace(/\/+$/, "")
    .replace(/\/(app|api)$/i, "")
    .replace(/\/+$/, "");
}
