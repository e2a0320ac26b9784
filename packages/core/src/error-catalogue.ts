/**
 * Every error code the product reports, with its exit code and the general fix. A thrown error adds a
 * specific message and, where it knows better, a specific hint. Exit code 2: invalid input or usage,
 * found before anything was sent. Exit code 1: the Octopus server, a build server's API, the network
 * or the git binary failed. docs/errors.md describes each code; a test keeps the two in step.
 */
export const errorCatalogue = {
  E_USAGE: {
    exitCode: 2,
    hint: "Fix the value the message names, where it came from (an option, a variable, a file).",
  },
  E_FILE_NOT_FOUND: {
    exitCode: 2,
    hint: "Check the build-information file's path (relative paths start at the current directory).",
  },
  E_FILE_FORMAT: {
    exitCode: 2,
    hint: "The file must hold the build-information object that octo build-information --file reads.",
  },
  E_FILE_NOT_REGULAR: {
    exitCode: 2,
    hint: "Name a build-information JSON file, not a pipe, device or directory.",
  },
  E_FILE_TOO_LARGE: {
    exitCode: 2,
    hint: "Name the build-information file itself; it is never near 64 MiB.",
  },
  E_PERSIST: {
    exitCode: 2,
    hint: "Name a JSON file this server wrote before, or a new path; move the old file away to start empty.",
  },
  E_SERVE_LISTEN: { exitCode: 2, hint: "Pick a free port, and an address of this machine." },
  E_OUTPUT: {
    exitCode: 2,
    hint: "Check that the output path names a file in an existing, writable directory.",
  },
  E_INVALID_PACKAGE_ID: {
    exitCode: 2,
    hint: "Give the id of the package the build produced, e.g. Acme.Web.",
  },
  E_INVALID_VERSION: {
    exitCode: 2,
    hint: "Give a SemVer 2 or 4-part numeric version, e.g. 1.4.2.",
  },
  E_INVALID_BUILD_URL: { exitCode: 2, hint: "Give the full http(s) link to this build as its BuildUrl." },
  E_INVALID_VCS_ROOT: { exitCode: 2, hint: "Give the repository's https URL as the VcsRoot." },
  E_INVALID_BUILD_INFORMATION: {
    exitCode: 2,
    hint: "Check the values the build server gave, or override them with flags.",
  },
  E_MISSING_BUILD_ENVIRONMENT: {
    exitCode: 2,
    hint: "Give the name of your build server as the BuildEnvironment, e.g. Jenkins.",
  },
  E_VCS_UNSUPPORTED: {
    exitCode: 2,
    hint: "Build from a Git or TFVC repository, or give the VcsType if the detected type is wrong.",
  },
  E_VCS_ROOT_NOT_FOUND: {
    exitCode: 2,
    hint: "Choose one of the build's VCS root ids (the vcsRootId option), or none.",
  },
  E_PROPERTIES_FORMAT: {
    exitCode: 2,
    hint: "The file is not in Java properties format; check the path TeamCity passed.",
  },
  E_GIT_MISSING: {
    exitCode: 2,
    hint: "Install git on the build agent (or add it to PATH), or read a build server's API or a build-information file instead.",
  },
  E_GIT_CHECKOUT_MISSING: {
    exitCode: 2,
    hint: "Run buildinfo from the build's working directory (the git checkout).",
  },
  E_GIT_NOT_A_REPOSITORY: {
    exitCode: 2,
    hint: "Run buildinfo from the build's git checkout, or read a build server's API or a build-information file instead.",
  },
  E_GIT_UNSAFE_REPOSITORY: {
    exitCode: 2,
    hint: "Run buildinfo as the checkout's owner, or add it to git's safe.directory.",
  },
  E_GIT_NO_COMMITS: {
    exitCode: 2,
    hint: "Commit something first, or run buildinfo after the build server's checkout step.",
  },
  E_GIT_REVISION: {
    exitCode: 2,
    hint: "Check that the range's start (the one given, or the build server's previous commit) exists in this clone.",
  },
  E_GIT_FAILED: { exitCode: 2, hint: "Check that the checkout is complete and readable by the build user." },
  E_SHALLOW_CLONE: {
    exitCode: 2,
    hint: "Fetch more history (a deeper clone, or git fetch --unshallow) before running buildinfo.",
  },
  E_PROJECT_NOT_FOUND: {
    exitCode: 2,
    hint: "Name an existing project of the space, by name or Projects-N id.",
  },
  E_ENVIRONMENT_NOT_FOUND: {
    exitCode: 2,
    hint: "Name an existing environment of the space, by name or Environments-N id.",
  },
  E_CHANNEL_NOT_FOUND: {
    exitCode: 2,
    hint: "Name one of the project's channels, by name or Channels-N id.",
  },
  E_TENANT_NOT_FOUND: {
    exitCode: 2,
    hint: "Name an existing tenant of the space, by name or Tenants-N id.",
  },
  E_DEPLOYED_COMMIT_MISSING: {
    exitCode: 2,
    hint: "Fetch the history back to the deployed commit before buildinfo runs (a full clone, or git fetch --deepen).",
  },
  E_DEPLOYED_COMMIT_NOT_ANCESTOR: {
    exitCode: 2,
    hint: "History was rewritten since that deployment; without strict, the build server's own range is sent.",
  },
  E_PACKAGE_ALREADY_RELEASED: {
    exitCode: 2,
    hint: "Push build information before the release is created (or create a new release after pushing).",
  },
  E_PACKAGE_ID_MISMATCH: {
    exitCode: 2,
    hint: "Use the package id exactly as the feed and the project's steps name the package.",
  },
  E_PACKAGE_IN_SEVERAL_FEEDS: {
    exitCode: 2,
    hint: "Keep each package id and version in one feed, or give the builds different versions.",
  },
  E_GIT_OUTPUT: {
    exitCode: 1,
    hint: "Check that `git` on the PATH is git itself, not a wrapper that adds to its output.",
  },
  E_BUILD_SERVER_RESPONSE: {
    exitCode: 1,
    hint: "Check that the build server URL points at the server's API, not a proxy or login page.",
  },
  E_BUILD_SERVER_HTTP_203: {
    exitCode: 1,
    hint: "Azure DevOps did not accept the token: map SYSTEM_ACCESSTOKEN into the step's environment.",
  },
  E_HTTP_400: { exitCode: 1, hint: "Fix the values the server lists; nothing was stored for this request." },
  E_HTTP_401: {
    exitCode: 1,
    hint: "Give a valid API key or access token; check it is not expired or revoked and belongs to this server.",
  },
  E_HTTP_403: {
    exitCode: 1,
    hint: "Grant the user or service account the permission the message names, in this space.",
  },
  E_HTTP_404: { exitCode: 1, hint: "Check the server URL and the record or package id." },
  E_HTTP_404_SPACE: { exitCode: 1, hint: "Give an existing space name or Spaces-N id." },
  E_HTTP_409: {
    exitCode: 1,
    hint: "Choose the overwrite mode IgnoreIfExists or OverwriteExisting if the existing record may stay or go.",
  },
  E_HTTP_429: {
    exitCode: 1,
    hint: "Push fewer packages at once, or allow a longer deadline so the retries can wait longer.",
  },
  E_HTTP_5XX: {
    exitCode: 1,
    hint: "The server or something in front of it failed; check the Octopus server logs and try again.",
  },
  E_BAD_RESPONSE: {
    exitCode: 1,
    hint: "Check that the server URL is the Octopus root, and whether a proxy in between is failing.",
  },
  E_RESPONSE_TOO_LARGE: {
    exitCode: 1,
    hint: "Check that the URL points at the right server and not at a download or a broken proxy.",
  },
  E_COLLECTION_LIMIT: {
    exitCode: 1,
    hint:
      "Check that the build server's URL reaches the server itself, not something answering in its place; " +
      "for a build this large, pass --since <commit> to read its commits from the checkout.",
  },
  E_CROSS_ORIGIN_LINK: {
    exitCode: 1,
    hint: "Check the server's configured root URL (a proxy may rewrite it); links are followed only on the server you configured.",
  },
  E_SERVER_TOO_OLD: {
    exitCode: 1,
    hint: "Upgrade the Octopus server (2019.9.0 or newer), or check the server URL.",
  },
  E_NETWORK: {
    exitCode: 1,
    hint: "Check the server URL, DNS, firewalls, proxy settings and trusted certificates.",
  },
  E_TIMEOUT: {
    exitCode: 1,
    hint: "Check that the server is up and reachable from this agent; allow a longer deadline if it is just slow.",
  },
  E_OIDC: {
    exitCode: 1,
    hint: "Check the service account's OIDC identity and the CI's identity-token permission.",
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Codes ending in an HTTP status, for the statuses without a code of their own. */
export const errorCodeFamilies = {
  E_HTTP_: { exitCode: 1, hint: "Check the server URL and that it is an Octopus server." },
  E_BUILD_SERVER_HTTP_: {
    exitCode: 1,
    hint: "Check the build server URL and the credentials the adapter reads.",
  },
} as const satisfies Record<string, CatalogueEntry>;

export interface CatalogueEntry {
  /** 2: invalid input or usage, nothing sent; 1: a server, the network or git failed. */
  readonly exitCode: 1 | 2;
  readonly hint: string;
}

/** Every code a `BuildInfoError` may carry: a catalogue entry, or a family followed by an HTTP status. */
export type ErrorCode = keyof typeof errorCatalogue | `${keyof typeof errorCodeFamilies}${number}`;

/** The catalogue entry of `code`: its own, else its family's. */
export function catalogueEntry(code: ErrorCode): CatalogueEntry {
  if (Object.hasOwn(errorCatalogue, code)) return errorCatalogue[code as keyof typeof errorCatalogue];
  const family = (Object.keys(errorCodeFamilies) as (keyof typeof errorCodeFamilies)[])
    .filter((prefix) => code.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  if (family === undefined) throw new TypeError(`${code} is not in the error catalogue`);
  return errorCodeFamilies[family];
}
