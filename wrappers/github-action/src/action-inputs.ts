import {
  BuildInfoError,
  type Environment,
  isBuildInfoError,
  parseOverwriteMode,
  pushFlags,
  splitList,
  validateVersion,
} from "@buildinfo/core";

/**
 * The action's inputs (action.yml): the official push-build-information-action's names, plus
 * access_token and github_token.
 */
export interface ActionInputs {
  packages: string[];
  version: string;
  overwriteMode: string | undefined;
  server: string | undefined;
  apiKey: string | undefined;
  accessToken: string | undefined;
  space: string | undefined;
  branch: string | undefined;
  githubToken: string | undefined;
}

/** Reads one input as `@actions/core`'s getInput does: trimmed, "" when unset. */
export type GetInput = (name: string) => string;

/**
 * Reads and checks the inputs, naming the input (not the CLI flag behind it) in every error, so a
 * failure points at the workflow's `with:` block. Server and API key may also come from OCTOPUS_*.
 */
export function readActionInputs(getInput: GetInput, env: Environment): ActionInputs {
  const optional = (name: string): string | undefined => getInput(name) || undefined;
  const required = (name: string, what: string): string => {
    const value = getInput(name);
    if (value === "")
      throw inputError(name, `Input ${name} is required.`, `Give ${what} in the step's with:.`);
    return value;
  };
  const packages = splitList(required("packages", "the package ids, one per line"));
  const version = required("version", "the version of the package(s)");
  checked("version", () => validateVersion(version, "input version"));
  const overwriteMode = optional("overwrite_mode");
  if (overwriteMode !== undefined)
    checked("overwrite_mode", () => parseOverwriteMode(overwriteMode, "input overwrite_mode"));
  const server = optional("server");
  if (server === undefined && !env.OCTOPUS_URL) {
    throw inputError(
      "server",
      "Input server is not set and OCTOPUS_URL is empty.",
      "Give the Octopus server URL as the server input.",
    );
  }
  const apiKey = optional("api_key");
  const accessToken = optional("access_token");
  if (
    apiKey === undefined &&
    accessToken === undefined &&
    !env.OCTOPUS_API_KEY &&
    !env.OCTOPUS_ACCESS_TOKEN
  ) {
    throw inputError(
      "api_key",
      "Neither input api_key nor access_token is set, and neither OCTOPUS_API_KEY nor OCTOPUS_ACCESS_TOKEN is.",
      "Give an API key from a secret as the api_key input, or log in with OctopusDeploy/login first (its access_token output, or the OCTOPUS_ACCESS_TOKEN it sets).",
    );
  }
  return {
    packages,
    version,
    overwriteMode,
    server,
    apiKey,
    accessToken,
    space: optional("space"),
    branch: optional("branch"),
    githubToken: optional("github_token"),
  };
}

function inputError(name: string, message: string, hint: string): BuildInfoError {
  return new BuildInfoError("E_USAGE", message, { hint, source: `input ${name}` });
}

/** Runs a core check, restating its error for the input (the core's hint names the CLI flag). */
function checked(name: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (!isBuildInfoError(error)) throw error;
    throw inputError(name, `Input ${name}: ${error.message}`, `Correct the ${name} input.`);
  }
}

/** `buildinfo collect` for this run, written to `file`; the `branch` input is the CLI's `--branch` override. */
export function collectArguments(inputs: ActionInputs, file: string): string[] {
  return [
    "collect",
    "--from",
    "github-actions",
    "--output",
    file,
    ...(inputs.branch === undefined ? [] : ["--branch", inputs.branch]),
  ];
}

/**
 * `buildinfo push` of the collected file. Without `overwrite_mode` the CLI's default applies
 * (FailIfExists, IgnoreIfExists on a re-run). The API key never goes on the command line.
 */
export function pushArguments(inputs: ActionInputs, file: string): string[] {
  return [
    "push",
    "--file",
    file,
    "--json",
    ...pushFlags({
      packageIds: inputs.packages,
      version: inputs.version,
      overwriteMode: inputs.overwriteMode,
      server: inputs.server,
      space: inputs.space,
    }),
  ];
}

/**
 * The CLI's environment: the runner's, plus the API key, the access token and the GitHub token from the
 * inputs when given (an input wins over the variable, as the official action's api_key does).
 */
export function cliEnvironment(env: Environment, inputs: ActionInputs): Record<string, string | undefined> {
  return {
    ...env,
    ...(inputs.apiKey === undefined ? {} : { OCTOPUS_API_KEY: inputs.apiKey }),
    ...(inputs.accessToken === undefined ? {} : { OCTOPUS_ACCESS_TOKEN: inputs.accessToken }),
    ...(inputs.githubToken === undefined ? {} : { GITHUB_TOKEN: inputs.githubToken }),
  };
}
