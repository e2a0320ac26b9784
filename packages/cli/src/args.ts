import { parseArgs } from "node:util";
import { BuildInfoError, didYouMean, shortened } from "@buildinfo/core";

export type OptionSpec = Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * `parseArgs` in strict mode, with its errors turned into usage errors (exit 2) that name the flag
 * and say what to do.
 */
export function parseCommandArgs(
  command: string,
  args: string[],
  options: OptionSpec,
  positionals: { min: number; max: number; name?: string },
): ParsedArgs {
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true }) as ParsedArgs;
  } catch (error) {
    throw usageError(command, error, Object.keys(options));
  }
  const count = parsed.positionals.length;
  if (count > positionals.max) {
    const extra = parsed.positionals[positionals.max];
    throw new BuildInfoError(
      "E_USAGE",
      `Unexpected argument '${shortened(extra ?? "")}' for 'buildinfo ${command}'.`,
      {
        hint: `Options start with '--'; run 'buildinfo ${command} --help'.`,
        source: extra,
      },
    );
  }
  if (count < positionals.min) {
    throw new BuildInfoError(
      "E_USAGE",
      `'buildinfo ${command}' needs ${positionals.name ?? "an argument"}.`,
      {
        hint: `Run 'buildinfo ${command} --help'.`,
      },
    );
  }
  return parsed;
}

function usageError(command: string, error: unknown, known: string[]): BuildInfoError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // Node names an option with a short form as '-p, --package-id <value>': the long name is the flag.
  const flag = /'(?:-[^-' ], )?(-[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag !== undefined) {
    const suggestion = didYouMean(flag.replace(/^-+/, "").split("=")[0] ?? "", known, "--");
    return new BuildInfoError("E_USAGE", `Unknown option '${shortened(flag)}' for 'buildinfo ${command}'.`, {
      hint: `${suggestion}Run 'buildinfo ${command} --help' for the options.`,
      source: flag,
    });
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag !== undefined) {
    const name = flag.split(" ")[0] ?? flag;
    const takesValue = / argument missing/.test(message);
    return new BuildInfoError(
      "E_USAGE",
      takesValue ? `Option '${name}' needs a value.` : `Option '${name}' does not take a value.`,
      {
        hint: takesValue
          ? `Write '${name} VALUE' or '${name}=VALUE'.`
          : `Remove the value after '${name}'; run 'buildinfo ${command} --help'.`,
        source: name,
      },
    );
  }
  return new BuildInfoError("E_USAGE", message, { hint: `Run 'buildinfo ${command} --help'.` });
}

export function stringValue(values: ParsedArgs["values"], name: string): string | undefined {
  const value = values[name];
  if (Array.isArray(value)) return value[value.length - 1];
  return typeof value === "string" ? value : undefined;
}

export function stringValues(values: ParsedArgs["values"], name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

export function flag(values: ParsedArgs["values"], name: string): boolean {
  return values[name] === true;
}

/** A whole number within bounds, from a flag; `undefined` when the flag is absent. */
export function integerOption(
  values: ParsedArgs["values"],
  name: string,
  bounds: { min: number; max: number },
): number | undefined {
  const raw = stringValue(values, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < bounds.min || value > bounds.max) {
    throw new BuildInfoError(
      "E_USAGE",
      `--${name} must be a whole number from ${bounds.min} to ${bounds.max}, got '${shortened(raw)}'.`,
      {
        hint: `Pass e.g. --${name} ${bounds.min === 0 ? 10 : Math.max(bounds.min, 4)}.`,
        source: `--${name}`,
      },
    );
  }
  return value;
}

/** The longest duration a flag may give: 24 hours, well inside Node's timer limit of 2^31-1 ms. */
export const maxDurationMs = 86_400_000;

/**
 * `--timeout`: seconds like octo (`600`), or with a unit (`500ms`, `30s`, `2m`), from 1 ms to 24 h.
 * Returns milliseconds.
 */
export function durationOption(values: ParsedArgs["values"], name: string): number | undefined {
  const raw = stringValue(values, name);
  if (raw === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(raw);
  const amount = match === null ? Number.NaN : Number(match[1]);
  const unit = match?.[2] ?? "s";
  const ms = unit === "ms" ? amount : unit === "m" ? amount * 60_000 : amount * 1000;
  if (!Number.isFinite(ms) || Math.round(ms) < 1 || ms > maxDurationMs) {
    throw new BuildInfoError(
      "E_USAGE",
      `--${name} must be a duration from 1ms to 24h, got '${shortened(raw)}'.`,
      {
        hint: `Pass seconds (--${name} 60) or a unit (--${name} 500ms, 30s, 2m).`,
        source: `--${name}`,
      },
    );
  }
  return Math.round(ms);
}
