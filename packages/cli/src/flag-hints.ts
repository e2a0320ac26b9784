import { type BuildInfoError, errorCatalogue } from "@buildinfo/core";

/**
 * The libraries' errors speak of values (a package id, the server URL, a deadline); the command line
 * has flags for them. When an error carries its catalogue entry's general hint, the CLI says it with
 * the flag (and variable) that gives the value.
 */
const flagHints: Partial<Record<keyof typeof errorCatalogue, string>> = {
  E_USAGE: "Fix the command line or environment as the message says; run 'buildinfo <command> --help'.",
  E_FILE_NOT_FOUND: "Check the --file path (relative paths start at the current directory).",
  E_FILE_NOT_REGULAR: "Name a build-information JSON file with --file, not a pipe, device or directory.",
  E_SERVE_LISTEN: "Pick a free --port, and a --host address of this machine.",
  E_OUTPUT: "Check that --output names a file in an existing, writable directory.",
  E_INVALID_PACKAGE_ID: "Pass --package-id with the id of the package the build produced, e.g. Acme.Web.",
  E_INVALID_VERSION: "Pass --version with a SemVer 2 or 4-part numeric version, e.g. 1.4.2.",
  E_INVALID_BUILD_URL: "Pass --build-url with the full http(s) link to this build.",
  E_INVALID_VCS_ROOT: "Pass --vcs-root with the repository's https URL.",
  E_MISSING_BUILD_ENVIRONMENT: "Pass --build-environment with the name of your build server, e.g. Jenkins.",
  E_VCS_UNSUPPORTED: "Build from a Git or TFVC repository, or pass --vcs-type if the detected type is wrong.",
  E_VCS_ROOT_NOT_FOUND: "Pass --vcs-root-id with one of the build's VCS root ids, or omit it.",
  E_GIT_MISSING: "Install git on the build agent (or add it to PATH), or use --from <server> / --file.",
  E_GIT_NOT_A_REPOSITORY: "Run buildinfo from the build's git checkout, or use --from <server> / --file.",
  E_GIT_REVISION: "Check the revision (--since, or the build server's previous commit) exists in this clone.",
  E_PROJECT_NOT_FOUND: "Pass --project with the name or Projects-N id of an existing project in this space.",
  E_CHANNEL_NOT_FOUND: "Pass --channel with the name or Channels-N id of one of the project's channels.",
  E_TENANT_NOT_FOUND: "Pass --tenant with the name or Tenants-N id of an existing tenant.",
  E_DEPLOYED_COMMIT_NOT_ANCESTOR:
    "History was rewritten since that deployment; push without --strict to send the build server's own range.",
  E_PACKAGE_ID_MISMATCH: "Pass --package-id exactly as the feed and the project's steps name the package.",
  E_HTTP_401:
    "Give a valid API key (--api-key or OCTOPUS_API_KEY) or access token (OCTOPUS_ACCESS_TOKEN); check it is not expired or revoked and belongs to this server.",
  E_HTTP_404_SPACE: "Pass an existing space with --space (or OCTOPUS_SPACE).",
  E_HTTP_409:
    "Pass --overwrite-mode IgnoreIfExists or OverwriteExisting if the existing record may stay or go.",
  E_HTTP_429: "Lower --concurrency or raise --timeout so the retries can wait longer.",
  E_TIMEOUT: "Check that the server is up and reachable from this agent; raise --timeout if it is just slow.",
};

/** The error's hint, in the command line's terms when it is the catalogue's general one. */
export function flagHint(error: BuildInfoError): string {
  const code = error.code as keyof typeof errorCatalogue;
  const general = Object.hasOwn(errorCatalogue, code) ? errorCatalogue[code].hint : undefined;
  return (error.hint === general ? flagHints[code] : undefined) ?? error.hint;
}
