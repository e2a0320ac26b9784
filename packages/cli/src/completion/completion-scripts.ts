import type { CompletedFlag, CompletionSpec } from "./completion-spec";

const dashed = (flag: CompletedFlag): string[] => [
  `--${flag.name}`,
  ...(flag.short === undefined ? [] : [`-${flag.short}`]),
];

/** Every flag that takes a value, once, with its values (the same flag has the same values in every command). */
function valueFlags(spec: CompletionSpec): CompletedFlag[] {
  const byName = new Map<string, CompletedFlag>();
  for (const flags of Object.values(spec.flags)) {
    for (const flag of flags) if (flag.takesValue && !byName.has(flag.name)) byName.set(flag.name, flag);
  }
  return [...byName.values()];
}

/** Bash: `source <(buildinfo completion bash)`, e.g. from ~/.bashrc. */
export function bashScript(spec: CompletionSpec): string {
  const valueCases = valueFlags(spec).map((flag) => {
    const pattern = dashed(flag).join("|");
    if (flag.values === "file") return `    ${pattern}) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;`;
    if (flag.values !== undefined) {
      return `    ${pattern}) COMPREPLY=($(compgen -W "${flag.values.join(" ")}" -- "$cur")); return 0 ;;`;
    }
    return `    ${pattern}) return 0 ;;`;
  });
  const commandCases = spec.commands.map((command) => {
    const words = [...(spec.words[command] ?? []), ...spec.flags[command].flatMap(dashed)];
    return `    ${command}) COMPREPLY=($(compgen -W "${words.join(" ")}" -- "$cur")) ;;`;
  });
  return `# buildinfo completion for bash. Load it with: source <(buildinfo completion bash)
_buildinfo() {
  local cur prev command
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  command="\${COMP_WORDS[1]}"
  COMPREPLY=()
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${spec.commands.join(" ")} help --help --version" -- "$cur"))
    return 0
  fi
  case "$prev" in
${valueCases.join("\n")}
  esac
  case "$command" in
    help) COMPREPLY=($(compgen -W "${spec.commands.join(" ")}" -- "$cur")) ;;
${commandCases.join("\n")}
  esac
  return 0
}
complete -F _buildinfo buildinfo
`;
}

/** Zsh runs the bash function through bashcompinit: `source <(buildinfo completion zsh)`. */
export function zshScript(spec: CompletionSpec): string {
  return `# buildinfo completion for zsh. Load it with: source <(buildinfo completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashScript(spec).split("\n").slice(1).join("\n")}`;
}

const fishQuote = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

/** Fish: `buildinfo completion fish > ~/.config/fish/completions/buildinfo.fish`. */
export function fishScript(spec: CompletionSpec): string {
  const lines = [
    "# buildinfo completion for fish. Install it with: buildinfo completion fish > ~/.config/fish/completions/buildinfo.fish",
    "complete -c buildinfo -f",
    `complete -c buildinfo -n __fish_use_subcommand -a ${fishQuote([...spec.commands, "help"].join(" "))}`,
  ];
  for (const command of spec.commands) {
    const when = `-n ${fishQuote(`__fish_seen_subcommand_from ${command}`)}`;
    const words = spec.words[command];
    if (words !== undefined) lines.push(`complete -c buildinfo ${when} -a ${fishQuote(words.join(" "))}`);
    for (const flag of spec.flags[command]) {
      const names = `${flag.short === undefined ? "" : `-s ${flag.short} `}-l ${flag.name}`;
      const value =
        flag.values === "file"
          ? " -r -F"
          : flag.values !== undefined
            ? ` -x -a ${fishQuote(flag.values.join(" "))}`
            : flag.takesValue
              ? " -x"
              : "";
      lines.push(`complete -c buildinfo ${when} ${names}${value}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

const psList = (items: readonly string[]) =>
  `@(${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(", ")})`;

/** PowerShell: `buildinfo completion powershell | Out-String | Invoke-Expression`, e.g. in $PROFILE. */
export function powershellScript(spec: CompletionSpec): string {
  const flags = spec.commands.map(
    (command) =>
      `    '${command}' = ${psList([...(spec.words[command] ?? []), ...spec.flags[command].flatMap(dashed)])}`,
  );
  const values = valueFlags(spec).flatMap((flag) =>
    dashed(flag).map((name) => `    '${name}' = ${psList(Array.isArray(flag.values) ? flag.values : [])}`),
  );
  return `# buildinfo completion for PowerShell. Load it with: buildinfo completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName buildinfo -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $commands = ${psList([...spec.commands, "help"])}
  $flags = @{
${flags.join("\n")}
  }
  $values = @{
${values.join("\n")}
  }
  $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
  $typed = if ($wordToComplete -eq '') { $words.Count } else { $words.Count - 1 }
  if ($typed -le 1) {
    $candidates = $commands
  } elseif ($values.ContainsKey($words[$typed - 1])) {
    $candidates = $values[$words[$typed - 1]]
  } elseif ($words[1] -eq 'help') {
    $candidates = $commands
  } else {
    $candidates = $flags[$words[1]]
  }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}
