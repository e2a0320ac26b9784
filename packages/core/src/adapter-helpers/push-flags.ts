export interface PushFlagsInput {
  packageIds: readonly string[];
  version?: string | undefined;
  overwriteMode?: string | undefined;
  server?: string | undefined;
  space?: string | undefined;
  /** `--since-deployed`: the environment whose deployed commit each package's range starts from. */
  sinceDeployed?: string | undefined;
  /** `--project`: the project deploying the packages (for `--since-deployed` and the push's checks). */
  project?: string | undefined;
}

/**
 * The `buildinfo push` flags for a CI wrapper's form fields (the GitHub Action's inputs, the Azure
 * DevOps task's): unset fields are left out, so the CLI's defaults and environment fallbacks apply.
 * Credentials are never flags: wrappers hand them over in the environment.
 */
export function pushFlags(input: PushFlagsInput): string[] {
  const flag = (name: string, value: string | undefined): string[] =>
    value === undefined ? [] : [name, value];
  return [
    ...input.packageIds.flatMap((id) => ["--package-id", id]),
    ...flag("--version", input.version),
    ...flag("--overwrite-mode", input.overwriteMode),
    ...flag("--server", input.server),
    ...flag("--space", input.space),
    ...flag("--since-deployed", input.sinceDeployed),
    ...flag("--project", input.project),
  ];
}
