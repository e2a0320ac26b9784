export type { CliLogger, CliLoggerOptions, LogFormat } from "./logging/create-logger";
export { createCliLogger } from "./logging/create-logger";
export type { OverwriteChoice } from "./settings/overwrite-mode";
export { resolveOverwriteMode } from "./settings/overwrite-mode";
