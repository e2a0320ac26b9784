import type { OptionSpec } from "../args";

export const loggingOptions: OptionSpec = {
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

export const overrideOptions: OptionSpec = {
  "build-environment": { type: "string" },
  "build-number": { type: "string" },
  "build-url": { type: "string" },
  branch: { type: "string" },
  "vcs-type": { type: "string" },
  "vcs-root": { type: "string" },
  commit: { type: "string" },
};

export const collectionOptions: OptionSpec = {
  from: { type: "string" },
  file: { type: "string" },
  "commit-cap": { type: "string" },
  since: { type: "string" },
  "vcs-root-id": { type: "string" },
  timeout: { type: "string" },
};
