import { manifests } from "@buildinfo/collect";
import { overwriteModeSpellings } from "@buildinfo/core";
import { type CommandName, commandNames } from "../help";
import { commandOptions } from "../settings/option-specs";

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

/** What each flag's value can be, where the CLI knows the full set. */
function valuesOf(name: string): CompletedFlag["values"] {
  if (name === "from") return manifests.map((manifest) => manifest.id);
  if (name === "overwrite-mode" || name === "overwrite" || name === "overwritemode")
    return overwriteModeSpellings;
  if (name === "log-format") return ["text", "json"];
  if (name === "output-format" || name === "outputFormat") return ["json", "table", "basic"];
  if (name === "file" || name === "output" || name === "persist") return "file";
  return undefined;
}

/** Commands, their flags and flag values, from the option specs the commands parse and the adapter registry. */
export function completionSpec(): CompletionSpec {
  const flags = Object.fromEntries(
    commandNames.map((command) => [
      command,
      Object.entries(commandOptions[command]).map(([name, option]): CompletedFlag => {
        const values = option.type === "string" ? valuesOf(name) : undefined;
        return {
          name,
          takesValue: option.type === "string",
          ...(option.short === undefined ? {} : { short: option.short }),
          ...(values === undefined ? {} : { values }),
        };
      }),
    ]),
  ) as Record<CommandName, CompletedFlag[]>;
  return {
    commands: commandNames,
    flags,
    words: { "build-information": ["upload", "push"], completion: shells },
  };
}
