import { BuildInfoError } from "@buildinfo/core";
import { flag, type ParsedArgs, stringValue } from "../args";
import type { LogFormat } from "../logging/create-logger";

export interface LogSettings {
  format: LogFormat;
  verbose: boolean;
}

export function logSettingsFromArgs(values: ParsedArgs["values"]): LogSettings {
  const raw = stringValue(values, "log-format") ?? "text";
  if (raw !== "text" && raw !== "json") {
    throw new BuildInfoError("E_USAGE", `--log-format must be 'text' or 'json', got '${raw}'.`, {
      hint: "Use --log-format json for machine-readable stderr lines.",
      source: "--log-format",
    });
  }
  // octo's `--logLevel verbose|debug|trace` means the same as --verbose.
  const octoLevel = stringValue(values, "logLevel")?.toLowerCase();
  const octoVerbose = octoLevel === "verbose" || octoLevel === "debug" || octoLevel === "trace";
  return { format: raw, verbose: flag(values, "verbose") || flag(values, "debug") || octoVerbose };
}
