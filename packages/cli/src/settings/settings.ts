import type { AdapterOptions, DraftOverrides, Environment } from "@buildinfo/core";
import { BuildInfoError } from "@buildinfo/core";
import type { LogFormat } from "../logging/create-logger";
import {
  type CommandName,
  cliOptions,
  type OptionDefinition,
  type OptionKey,
  type OptionValues,
  optionsOf,
} from "./option-table";
import { type GivenFlag, type PositionalRule, parseCommandLine } from "./parse-command-line";
import { checkValues, type RawValue } from "./settings-schema";

/** Everything a command is told by its command line and environment, parsed and checked once. */
export interface Settings {
  command: CommandName;
  positionals: string[];
  /** Each option's value, typed by the option table (flags first, then their variables). */
  values: OptionValues;
  /** Where each given value came from: the spelling typed (`--apiKey`) or the variable (`OCTOPUS_URL`). */
  sources: Partial<Record<OptionKey, string>>;
  /** The adapters' options given (by manifest key), for the chosen adapter. */
  adapterOptions: AdapterOptions;
  /** The flag each adapter option was given with, by manifest key. */
  adapterFlags: Record<string, string>;
  log: { format: LogFormat; verbose: boolean };
  /** stdout carries a JSON document: `--json`, or the Go CLI's `-f json`. */
  json: boolean;
  /** The override flags given, as the core's `DraftOverrides`. */
  overrides: DraftOverrides;
  /** Warnings about the command line itself (a deprecated spelling), for the log. */
  notices: string[];
  /** The secrets the flags and the environment hold, left out of every output. */
  secrets: string[];
}

/** The keys of the override flags, which are also `DraftOverrides`' fields. */
const overrideKeys = cliOptions
  .filter((option) => option.section === "overrides")
  .map((option) => option.key);

/** The adapters' build-server tokens: an API answer (a proxy's page) may echo them back. */
const buildServerTokens = [
  "SYSTEM_ACCESSTOKEN",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "JENKINS_API_TOKEN",
  "BAMBOO_TOKEN",
];

/**
 * Secrets given in the environment or by `given`'s secret options, so every output can leave them out.
 * Not BAMBOO_PASSWORD: a person's password may be a common word, and data is never rewritten by a guess.
 */
export function knownSecrets(env: Environment, given: readonly GivenFlag[] = []): string[] {
  const fromEnv = [
    ...(cliOptions as readonly OptionDefinition[]).flatMap((option) =>
      option.secret === true ? (option.env ?? []) : [],
    ),
    ...buildServerTokens,
  ].map((name) => env[name]);
  const fromFlags = given.filter((flag) => flag.option.secret === true).map((flag) => String(flag.value));
  return [...fromFlags, ...fromEnv].filter(
    (value): value is string => value !== undefined && value.trim() !== "",
  );
}

/**
 * The settings of `command`: its command line parsed by the option table (with `adapterOptions`, the
 * registry's), each value taken from its flag or else its variables, then checked by the schema.
 * Throws a usage error (exit 2) for anything wrong, before anything is sent.
 */
export function readSettings(
  command: CommandName,
  args: readonly string[],
  env: Environment,
  rules: { positionals: PositionalRule; adapterOptions?: readonly OptionDefinition[] },
): Settings {
  const options = optionsOf(command, rules.adapterOptions);
  const line = parseCommandLine(command, args, options, rules.positionals);
  const notices: string[] = [];
  const raw = new Map<string, RawValue>();
  for (const option of options) {
    const value = rawValue(option, line.given, env, notices);
    if (value !== undefined) raw.set(option.key, value);
  }
  const checked = checkValues(options, raw);
  const values = Object.fromEntries(
    options.filter((option) => option.adapter !== true).map((option) => [option.key, checked[option.key]]),
  ) as Record<string, unknown>;
  // Every switch and list of the table has a value, whichever command this is.
  for (const option of cliOptions as readonly OptionDefinition[]) {
    if (option.kind === "boolean") values[option.key] ??= false;
    if (option.repeatable === true) values[option.key] ??= [];
  }
  const typed = values as OptionValues;
  const adapterGiven = options.filter((option) => option.adapter === true && raw.has(option.key));
  const octoLevel = typed.logLevel;
  return {
    command,
    positionals: line.positionals,
    values: typed,
    sources: Object.fromEntries([...raw].map(([key, given]) => [key, given.source])),
    adapterOptions: Object.fromEntries(
      adapterGiven.map((option) => [option.key, String(checked[option.key])]),
    ),
    adapterFlags: Object.fromEntries(
      adapterGiven.map((option) => [option.key, raw.get(option.key)?.source ?? ""]),
    ),
    log: {
      format: typed.logFormat === "json" ? "json" : "text",
      // octo's `--logLevel verbose|debug|trace` means the same as --verbose; its other levels change nothing.
      verbose: typed.verbose || octoLevel === "verbose" || octoLevel === "debug" || octoLevel === "trace",
    },
    json: typed.json || typed.outputFormat === "json",
    overrides: Object.fromEntries(
      overrideKeys.flatMap((key) => (typed[key] === undefined ? [] : [[key, typed[key]]])),
    ) as DraftOverrides,
    notices,
    secrets: knownSecrets(env, line.given),
  };
}

/**
 * The value of one option: its flags (the last wins when one spelling is repeated; two spellings that
 * disagree are refused), else the first of its variables that is not blank.
 */
function rawValue(
  option: OptionDefinition,
  given: readonly GivenFlag[],
  env: Environment,
  notices: string[],
): RawValue | undefined {
  const flags = given.filter((flag) => flag.option === option);
  const [first] = flags;
  if (first === undefined) {
    for (const name of option.env ?? []) {
      const value = env[name];
      if (value !== undefined && value.trim() !== "") return { value, source: name };
    }
    return undefined;
  }
  if (option.refused !== undefined) {
    throw new BuildInfoError("E_USAGE", option.refused.message, {
      hint: option.refused.hint,
      source: first.spelling,
    });
  }
  for (const flag of flags) {
    const alias = option.aliases
      ?.map((candidate) => (typeof candidate === "string" ? { flag: candidate } : candidate))
      .find((candidate) => `--${candidate.flag}` === flag.spelling);
    const instead = alias !== undefined && "deprecated" in alias ? alias.deprecated : undefined;
    if (instead !== undefined && !notices.some((notice) => notice.startsWith(flag.spelling))) {
      notices.push(`${flag.spelling} is an older spelling here: use ${instead}.`);
    }
  }
  if (option.kind === "boolean") return { value: true, source: first.spelling };
  const strings = flags.map((flag) => ({ spelling: flag.spelling, value: String(flag.value) }));
  if (option.repeatable === true) {
    return { value: strings.map((flag) => flag.value), source: first.spelling };
  }
  const last = strings[strings.length - 1] ?? { spelling: first.spelling, value: String(first.value) };
  const conflict = strings.find(
    (flag) =>
      flag.spelling !== last.spelling && flag.value.trim().toLowerCase() !== last.value.trim().toLowerCase(),
  );
  if (conflict !== undefined) {
    // A credential is never echoed, not even to say it differs.
    const shown = (flag: { spelling: string; value: string }) =>
      option.secret === true ? flag.spelling : `${flag.spelling} ${flag.value}`;
    throw new BuildInfoError("E_USAGE", `${shown(conflict)} and ${shown(last)} disagree.`, {
      hint: `Pass ${last.spelling} once.`,
      source: last.spelling,
    });
  }
  return { value: last.value, source: last.spelling };
}
