import { type Environment, pushFlags, splitList } from "@buildinfo/core";

/** The action's inputs (action.yml), as the runner hands them over: `INPUT_<NAME>` variables. */
export interface ActionInputs {
  packages: string[];
  version: string | undefined;
  overwriteMode: string | undefined;
  server: string | undefined;
  apiKey: string | undefined;
  space: string | undefined;
  branch: string | undefined;
  githubToken: string | undefined;
}

export function readActionInputs(env: Environment): ActionInputs {
  const input = (name: string): string | undefined => {
    const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  return {
    packages: splitList(input("packages")),
    version: input("version"),
    overwriteMode: input("overwrite_mode"),
    server: input("server"),
    apiKey: input("api_key"),
    space: input("space"),
    branch: input("branch"),
    githubToken: input("github_token"),
  };
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

/** The CLI's environment: the runner's, plus the API key and the token from the inputs when given. */
export function cliEnvironment(env: Environment, inputs: ActionInputs): Record<string, string | undefined> {
  return {
    ...env,
    ...(inputs.apiKey === undefined ? {} : { OCTOPUS_API_KEY: inputs.apiKey }),
    ...(inputs.githubToken === undefined ? {} : { GITHUB_TOKEN: inputs.githubToken }),
  };
}
