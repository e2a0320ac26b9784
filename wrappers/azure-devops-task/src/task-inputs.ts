import { BuildInfoError, type Environment, parseOverwriteMode, pushFlags, splitList } from "@buildinfo/core";

/** The task's inputs (task.json): OctoTFS's build-information task's names, plus Branch. */
export interface TaskInputs {
  /** The id of an Octopus Deploy service connection (the OctopusEndpoint type of Octopus's extension). */
  connectedService: string | undefined;
  space: string | undefined;
  packageIds: string[];
  version: string;
  /** Unset leaves the mode to the CLI: FailIfExists, IgnoreIfExists when the job is re-run. */
  overwriteMode: string | undefined;
  branch: string | undefined;
  /** The environment whose deployed commit each package's range starts from (`--since-deployed`). */
  sinceDeployedEnvironment: string | undefined;
  /** The Octopus project deploying the packages (`--project`). */
  project: string | undefined;
}

/** One input as azure-pipelines-task-lib's getInput reads it; undefined when unset. */
export type GetInput = (name: string) => string | undefined;

/**
 * OctoTFS's `Replace` values (its pickList: false, true, IgnoreIfExists; docs/reference/official-build-steps.md).
 * `Replace` is an alias of OverwriteMode in task.json, so a pipeline written for OctoTFS hands them to it.
 */
const replaceValues: Readonly<Record<string, string>> = {
  false: "FailIfExists",
  true: "OverwriteExisting",
};

/** Reads the inputs, naming the input (not the CLI flag behind it) when one is missing or wrong. */
export function readTaskInputs(getInput: GetInput): TaskInputs {
  const input = (name: string): string | undefined => getInput(name)?.trim() || undefined;
  const required = (name: string, what: string): string => {
    const value = input(name);
    if (value === undefined) {
      throw new BuildInfoError("E_USAGE", `Input ${name} is required.`, {
        hint: `Give ${what} in the task's inputs.`,
        source: `input ${name}`,
      });
    }
    return value;
  };
  const sinceDeployedEnvironment = input("SinceDeployedEnvironment");
  const project = input("Project");
  if (sinceDeployedEnvironment !== undefined && project === undefined) {
    throw new BuildInfoError("E_USAGE", "Input SinceDeployedEnvironment needs the Project input.", {
      hint: "Give the Octopus project that deploys the packages in the task's Project input.",
      source: "input Project",
    });
  }
  return {
    connectedService: input("OctoConnectedServiceName"),
    space: input("Space"),
    packageIds: splitList(required("PackageIds", "the package ids, one per line")),
    version: required("PackageVersion", "the version of the package(s)"),
    overwriteMode: overwriteMode(input("OverwriteMode")),
    branch: input("Branch"),
    sinceDeployedEnvironment,
    project,
  };
}

function overwriteMode(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "Default") return undefined;
  const mode = replaceValues[raw.toLowerCase()] ?? raw;
  try {
    return parseOverwriteMode(mode, "input OverwriteMode");
  } catch {
    throw new BuildInfoError(
      "E_USAGE",
      `Input OverwriteMode (or Replace) is ${JSON.stringify(raw.slice(0, 60))}, which is not an overwrite mode.`,
      {
        hint: "Use Default, FailIfExists, OverwriteExisting or IgnoreIfExists (OctoTFS's Replace: false, true or IgnoreIfExists).",
        source: "input OverwriteMode",
      },
    );
  }
}

/** `buildinfo push` for this build: the Azure DevOps adapter, the task's fields, the service connection's server. */
export function taskPushArguments(inputs: TaskInputs, serverUrl: string | undefined): string[] {
  return [
    "push",
    "--from",
    "azure-devops",
    ...pushFlags({
      packageIds: inputs.packageIds,
      version: inputs.version,
      overwriteMode: inputs.overwriteMode,
      server: serverUrl,
      space: inputs.space,
      sinceDeployed: inputs.sinceDeployedEnvironment,
      project: inputs.project,
    }),
    ...(inputs.branch === undefined ? [] : ["--branch", inputs.branch]),
  ];
}

/**
 * The CLI's environment: the agent's, plus the connection's API key, and the job access token the
 * agent gives every task (the SystemVssConnection endpoint) as SYSTEM_ACCESSTOKEN unless the pipeline
 * mapped one. task-lib takes endpoint secrets out of the environment, so they are passed in.
 */
export function taskEnvironment(
  env: Environment,
  secrets: { apiKey: string | undefined; jobToken: string | undefined },
): Record<string, string | undefined> {
  return {
    ...env,
    ...(secrets.apiKey === undefined ? {} : { OCTOPUS_API_KEY: secrets.apiKey }),
    ...(env.SYSTEM_ACCESSTOKEN || !secrets.jobToken ? {} : { SYSTEM_ACCESSTOKEN: secrets.jobToken }),
  };
}
