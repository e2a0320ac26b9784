import { type Environment, pushFlags, splitList } from "@buildinfo/core";

/** The task's inputs (task.json), as the agent hands them to the process: `INPUT_<NAME>` variables. */
export interface TaskInputs {
  /** The id of an Octopus Deploy service connection (the OctopusEndpoint type of Octopus's extension). */
  connectedService: string | undefined;
  space: string | undefined;
  packageIds: string[];
  version: string | undefined;
  overwriteMode: string | undefined;
  branch: string | undefined;
}

export function readTaskInputs(env: Environment): TaskInputs {
  const input = (name: string): string | undefined => {
    const value = env[`INPUT_${name.toUpperCase()}`]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  return {
    connectedService: input("OctoConnectedServiceName"),
    space: input("Space"),
    packageIds: splitList(input("PackageIds")),
    version: input("PackageVersion"),
    // "Default" leaves the mode to the CLI: FailIfExists, IgnoreIfExists when the job is re-run.
    overwriteMode: input("OverwriteMode") === "Default" ? undefined : input("OverwriteMode"),
    branch: input("Branch"),
  };
}

/**
 * The service connection's URL and API key, as the agent exports them for the task:
 * `ENDPOINT_URL_<id>` and `ENDPOINT_AUTH_PARAMETER_<id>_APITOKEN` (names compared case-insensitively).
 */
export function octopusConnection(
  env: Environment,
  id: string | undefined,
): { url?: string; apiKey?: string } {
  if (id === undefined) return {};
  const find = (name: string): string | undefined => {
    const wanted = name.toUpperCase();
    const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === wanted);
    return key === undefined ? undefined : env[key];
  };
  const url = find(`ENDPOINT_URL_${id}`);
  const apiKey = find(`ENDPOINT_AUTH_PARAMETER_${id}_APITOKEN`);
  return { ...(url ? { url } : {}), ...(apiKey ? { apiKey } : {}) };
}

/** `buildinfo push` for this build: the Azure DevOps adapter, the task's fields, the service connection's server. */
export function taskPushArguments(inputs: TaskInputs, connection: { url?: string }): string[] {
  return [
    "push",
    "--from",
    "azure-devops",
    ...pushFlags({
      packageIds: inputs.packageIds,
      version: inputs.version,
      overwriteMode: inputs.overwriteMode,
      server: connection.url,
      space: inputs.space,
    }),
    ...(inputs.branch === undefined ? [] : ["--branch", inputs.branch]),
  ];
}

/**
 * The CLI's environment: the agent's, plus the connection's API key, and the job access token the
 * agent gives every task (`SystemVssConnection`) as SYSTEM_ACCESSTOKEN unless the pipeline mapped one.
 */
export function taskEnvironment(
  env: Environment,
  connection: { apiKey?: string },
): Record<string, string | undefined> {
  const jobToken = env.ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN;
  return {
    ...env,
    ...(connection.apiKey === undefined ? {} : { OCTOPUS_API_KEY: connection.apiKey }),
    ...(env.SYSTEM_ACCESSTOKEN || !jobToken ? {} : { SYSTEM_ACCESSTOKEN: jobToken }),
  };
}
