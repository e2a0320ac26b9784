import { BuildInfoError, shortened } from "@buildinfo/core";
import { flag, type ParsedArgs, stringValue } from "../args";
import type { LogFormat } from "../logging/create-logger";

export interface LogSettings {
  format: LogFormat;
  verbose: boolean;
}

/** The levels octo's `--logLevel` takes (Serilog's), and `trace`. */
const octoLogLevels = ["verbose", "debug", "trace", "information", "warning", "error", "fatal"];

export function logSettingsFromArgs(values: ParsedArgs["values"]): LogSettings {
  const raw = stringValue(values, "log-format") ?? "text";
  if (raw !== "text" && raw !== "json") {
    throw new BuildInfoError("E_USAGE", `--log-format must be 'text' or 'json', got '${shortened(raw)}'.`, {
      hint: "Use --log-format json for machine-readable stderr lines.",
      source: "--log-format",
    });
  }
  // octo's `--logLevel verbose|debug|trace` means the same as --verbose; its other levels change nothing.
  const octoLevel = stringValue(values, "logLevel")?.toLowerCase();
  if (octoLevel !== undefined && !octoLogLevels.includes(octoLevel)) {
    throw new BuildInfoError(
      "E_USAGE",
      `--logLevel must be one of ${octoLogLevels.join(", ")}, got '${shortened(octoLevel)}'.`,
      { hint: "Use --logLevel verbose (or --verbose) for the full payload.", source: "--logLevel" },
    );
  }
  const octoVerbose = octoLevel === "verbose" || octoLevel === "debug" || octoLevel === "trace";
  return { format: raw, verbose: flag(values, "verbose") || flag(values, "debug") || octoVerbose };
}
