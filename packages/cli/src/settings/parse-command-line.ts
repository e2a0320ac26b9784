import { parseArgs } from "node:util";
import { BuildInfoError, didYouMean, shortened } from "@buildinfo/core";
import { aliasesOf, type CommandName, type OptionDefinition } from "./option-table";
import { pflagForms } from "./pflag-forms";

/** `node:util` parseArgs's options: one entry per long spelling. */
export type ParseSpec = Record<string, { type: "string" | "boolean"; multiple: true; short?: string }>;

/** One flag as the user typed it, in command-line order. */
export interface GivenFlag {
  option: OptionDefinition;
  /** The spelling typed, with its dashes: `--apiKey`, `-p`. */
  spelling: string;
  /** The value; `true` for a switch. */
  value: string | true;
}

export interface CommandLine {
  given: GivenFlag[];
  positionals: string[];
}

export interface PositionalRule {
  min: number;
  max: number;
  /** What the positional is, for "needs …": `a record id (BuildInformation-N)`. */
  name?: string;
}

/** parseArgs's options for `options`, each spelling pointing back at its definition. */
export function parseSpecOf(
  command: CommandName,
  options: readonly OptionDefinition[],
): { spec: ParseSpec; bySpelling: Map<string, OptionDefinition> } {
  const spec: ParseSpec = {};
  const bySpelling = new Map<string, OptionDefinition>();
  for (const option of options) {
    const type = option.kind === "boolean" ? "boolean" : "string";
    spec[option.flag] = { type, multiple: true };
    bySpelling.set(option.flag, option);
    for (const alias of aliasesOf(option, command)) {
      if (alias.flag.length === 1) {
        spec[option.flag] = { type, multiple: true, short: alias.flag };
      } else {
        spec[alias.flag] = { type, multiple: true };
        bySpelling.set(alias.flag, option);
      }
    }
  }
  return { spec, bySpelling };
}

/**
 * The flags and positionals of a command line, by the table: `parseArgs` in strict mode (with the Go
 * CLI's pflag spellings for `build-information`), its errors turned into usage errors (exit 2) that
 * name the flag and say what to do.
 */
export function parseCommandLine(
  command: CommandName,
  args: readonly string[],
  options: readonly OptionDefinition[],
  positionals: PositionalRule,
): CommandLine {
  const { spec, bySpelling } = parseSpecOf(command, options);
  const input = command === "build-information" ? pflagForms(args, spec) : [...args];
  let tokens: ReturnType<typeof parseArgs>["tokens"];
  let bare: string[];
  try {
    const parsed = parseArgs({
      args: input,
      options: spec,
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
    tokens = parsed.tokens;
    bare = parsed.positionals;
  } catch (error) {
    throw usageError(command, error, Object.keys(spec));
  }
  const given: GivenFlag[] = [];
  for (const token of tokens ?? []) {
    if (token.kind !== "option") continue;
    const option = bySpelling.get(token.name);
    if (option === undefined) continue;
    const spelling = token.rawName.startsWith("--") ? `--${token.name}` : token.rawName;
    given.push({ option, spelling, value: token.value ?? true });
  }
  checkPositionals(command, bare, positionals);
  return { given, positionals: bare };
}

function checkPositionals(command: CommandName, bare: readonly string[], rule: PositionalRule): void {
  if (bare.length > rule.max) {
    const extra = bare[rule.max];
    throw new BuildInfoError(
      "E_USAGE",
      `Unexpected argument '${shortened(extra ?? "")}' for 'buildinfo ${command}'.`,
      { hint: `Options start with '--'; run 'buildinfo ${command} --help'.`, source: extra },
    );
  }
  if (bare.length < rule.min) {
    throw new BuildInfoError("E_USAGE", `'buildinfo ${command}' needs ${rule.name ?? "an argument"}.`, {
      hint: `Run 'buildinfo ${command} --help'.`,
    });
  }
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
