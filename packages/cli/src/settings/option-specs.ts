import type { OptionSpec } from "../args";
import type { CommandName } from "../help";

const loggingOptions: OptionSpec = {
  "log-format": { type: "string" },
  verbose: { type: "boolean" },
  debug: { type: "boolean" },
};

export const connectionOptions: OptionSpec = {
  server: { type: "string" },
  "api-key": { type: "string" },
  apiKey: { type: "string" },
  "access-token": { type: "string" },
  "service-account-id": { type: "string" },
  "id-token": { type: "string" },
  space: { type: "string" },
  timeout: { type: "string" },
};

const overrideOptions: OptionSpec = {
  "build-environment": { type: "string" },
  "build-number": { type: "string" },
  "build-url": { type: "string" },
  branch: { type: "string" },
  "vcs-type": { type: "string" },
  "vcs-root": { type: "string" },
  commit: { type: "string" },
};

const collectionOptions: OptionSpec = {
  from: { type: "string" },
  file: { type: "string" },
  "commit-cap": { type: "string" },
  since: { type: "string" },
  "vcs-root-id": { type: "string" },
  timeout: { type: "string" },
};

export const collectOptions: OptionSpec = {
  ...collectionOptions,
  ...overrideOptions,
  ...loggingOptions,
  output: { type: "string" },
};

/** The issue trackers Octopus has, for what `preview` and the push check expect of it. */
const trackerOptions: OptionSpec = {
  "github-base-url": { type: "string" },
  "jira-base-url": { type: "string" },
  "azure-devops-base-url": { type: "string" },
};

export const pushOptions: OptionSpec = {
  ...collectionOptions,
  ...overrideOptions,
  ...connectionOptions,
  ...loggingOptions,
  "package-id": { type: "string", multiple: true },
  version: { type: "string" },
  "overwrite-mode": { type: "string" },
  concurrency: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  ...trackerOptions,
};

export const previewOptions: OptionSpec = {
  ...collectionOptions,
  ...overrideOptions,
  ...connectionOptions,
  ...loggingOptions,
  ...trackerOptions,
  "package-id": { type: "string", multiple: true },
  version: { type: "string" },
  template: { type: "string" },
  project: { type: "string" },
  "with-package": { type: "string", multiple: true },
  "deployment-changes": { type: "boolean" },
  environment: { type: "string" },
  format: { type: "string" },
};

/**
 * `build-information`: every `push` option, plus the spellings of `octo build-information` and of the Go
 * CLI's `octopus build-information upload` (OctopusDeploy/cli pkg/cmd/buildinformation/upload/upload.go
 * and the root command's persistent flags in pkg/cmd/root/root.go), so plugins' command lines run unchanged.
 */
export const buildInformationOptions: OptionSpec = {
  ...pushOptions,
  "package-id": { type: "string", multiple: true, short: "p" },
  space: { type: "string", short: "s" },
  overwrite: { type: "string" },
  overwritemode: { type: "string" },
  "output-format": { type: "string", short: "f" },
  outputFormat: { type: "string" },
  "no-prompt": { type: "boolean" },
  "enable-service-messages": { type: "boolean" },
  enableServiceMessages: { type: "boolean" },
  logLevel: { type: "string" },
  ignoreSslErrors: { type: "boolean" },
};

export const listOptions: OptionSpec = {
  ...connectionOptions,
  ...loggingOptions,
  "package-id": { type: "string" },
  filter: { type: "string" },
  latest: { type: "boolean" },
  skip: { type: "string" },
  take: { type: "string" },
  json: { type: "boolean" },
};

/** `view` and `delete`: one record by id. */
export const recordOptions: OptionSpec = {
  ...connectionOptions,
  ...loggingOptions,
  json: { type: "boolean" },
};

export const serveOptions: OptionSpec = {
  ...loggingOptions,
  port: { type: "string" },
  host: { type: "string" },
  "api-key": { type: "string" },
  space: { type: "string", multiple: true },
  persist: { type: "string" },
};

/** Each command's options, as its module parses them; shell completion is generated from this. */
export const commandOptions: Readonly<Record<CommandName, OptionSpec>> = {
  collect: collectOptions,
  push: pushOptions,
  "build-information": buildInformationOptions,
  preview: previewOptions,
  list: listOptions,
  view: recordOptions,
  delete: recordOptions,
  serve: serveOptions,
  completion: {},
};
