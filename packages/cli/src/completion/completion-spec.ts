import { manifests } from "@buildinfo/collect";
import { overwriteModeSpellings } from "@buildinfo/core";
import { registryOptions } from "../gather";
import {
  aliasesOf,
  type CommandName,
  commandNames,
  type OptionDefinition,
  optionsOf,
} from "../settings/option-table";

export interface CompletedFlag {
  /** Without dashes. */
  name: string;
  short?: string;
  takesValue: boolean;
  /** The values to offer; `file` = a path. */
  values?: readonly string[] | "file";
}

export interface CompletionSpec {
  commands: readonly CommandName[];
  flags: Readonly<Record<CommandName, CompletedFlag[]>>;
  /** Words after a command that are not flags (`build-information upload`, `completion bash`). */
  words: Readonly<Partial<Record<CommandName, readonly string[]>>>;
}

export const shells = ["bash", "zsh", "fish", "powershell"] as const;

/** What a flag's value can be, where the CLI knows the full set. */
function valuesOf(option: OptionDefinition): CompletedFlag["values"] {
  if (option.complete === "adapters") return manifests.map((manifest) => manifest.id);
  if (option.complete === "overwrite-modes") return overwriteModeSpellings;
  if (option.complete === "file") return "file";
  return option.choices;
}

/** Each spelling of each option `command` takes, the table's and the adapters'. */
function flagsOf(command: CommandName): CompletedFlag[] {
  return optionsOf(command, registryOptions()).flatMap((option) => {
    const takesValue = option.kind !== "boolean";
    const values = takesValue ? valuesOf(option) : undefined;
    const aliases = aliasesOf(option, command);
    const short = aliases.find((alias) => alias.flag.length === 1)?.flag;
    return [option.flag, ...aliases.filter((alias) => alias.flag.length > 1).map((alias) => alias.flag)].map(
      (name, index): CompletedFlag => ({
        name,
        takesValue,
        ...(index === 0 && short !== undefined ? { short } : {}),
        ...(values === undefined ? {} : { values }),
      }),
    );
  });
}

/** Commands, their flags and flag values, from the option table and the adapter registry. */
export function completionSpec(): CompletionSpec {
  const flags = Object.fromEntries(commandNames.map((command) => [command, flagsOf(command)])) as Record<
    CommandName,
    CompletedFlag[]
  >;
  return {
    commands: commandNames,
    flags,
    words: { "build-information": ["upload", "push"], completion: shells },
  };
}
