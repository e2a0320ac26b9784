// Help, made from the option table at run time. Plain strings and the table only: this module is
// loaded for `--help` and must not pull in anything heavy. The adapter ids and the adapters' options
// come from the registry, which the entry loads only for a command's help.
import {
  aliasesOf,
  type CommandName,
  cliOptions,
  dashed,
  type OptionDefinition,
  type OptionSection,
  optionsOf,
  sectionOrder,
} from "./settings/option-table";

const sectionTitles: Record<OptionSection, string> = {
  package: "Package",
  preview: "Preview",
  trackers: "Issue trackers Octopus has (any of these replaces the server's own settings)",
  list: "Filter and paging",
  "output-file": "Output file",
  collection: "Collection",
  adapter: "Build-server options (only the adapter that declares one reads it)",
  overrides: "Overrides (replace what the build server gave)",
  deployed: "Since deployed (reads Octopus)",
  connection: "Octopus connection",
  octo: "octo's and the Go CLI's spellings",
  serve: "Server",
  conformance: "Conformance run",
  logging: "Output",
};

const intros: Record<CommandName, string> = {
  collect: `Collect build information from this build and print it as an octo build-information file.

Usage: buildinfo collect [--from ADAPTER] [--output FILE] [options]`,
  push: `Push build information to Octopus for one or more packages.

Usage: buildinfo push --package-id ID [--package-id ID ...] --version VERSION [options]`,
  "build-information": `Alias of 'buildinfo push' that accepts the command line of 'octo build-information', as the
official Jenkins, TeamCity and Bamboo plugins run it:

  buildinfo build-information --server URL --apiKey KEY --space SPACE --package-id ID --version V
                              --file octopus.buildinfo --overwrite-mode MODE [--debug]

and the Go CLI's 'octopus build-information upload' (also 'build-info', 'push'):

  buildinfo build-information upload PkgA PkgB [-p ID] --version V [--file F]
                              [--overwrite|--overwritemode MODE] [-s SPACE] [-f json] [--no-prompt]`,
  preview: `Show what Octopus will make of this build, before and without pushing: each package's commit
links and work items (linked, unconfirmed, not linked, and why), the release notes, the deployment changes.

Usage: buildinfo preview --package-id ID [--package-id ID ...] --version VERSION
                         [--template FILE | --project NAME] [--with-package ID:VERSION ...]
                         [--deployment-changes --environment NAME] [--format text|markdown|html|json]`,
  list: `List build information stored on the server.

Usage: buildinfo list [--package-id ID] [--filter TEXT] [--latest] [--skip N] [--take N] [--json]`,
  view: `Show one build-information record.

Usage: buildinfo view <BuildInformation-N> [--json]`,
  delete: `Delete one build-information record.

Usage: buildinfo delete <BuildInformation-N> [--json]`,
  serve: `Run the local Octopus-compatible build-information server (for trying things out and for tests).

Usage: buildinfo serve [--port N] [--host ADDRESS] [--api-key KEY] [--space NAME ...] [--persist FILE]`,
  conformance: `Run a build-information plugin against the conformance vectors: for each case, the local Octopus
server, the case's checkout, files and fake build-server API, then the plugin's command; what Octopus
stored is compared with the case's expected build information, field by field.

Usage: buildinfo conformance --plugin COMMAND [--server ID ...] [--case SERVER/CASE ...]
                             [--format text|junit|json]

  buildinfo conformance --plugin 'java -jar my-plugin.jar push --package {packageId} --version {version}'
                        --server jenkins --format junit > conformance.xml`,
  completion: `Print the completion script of a shell: commands, options, adapter ids and overwrite modes.

Usage: buildinfo completion bash|zsh|fish|powershell

  bash        source <(buildinfo completion bash)          (e.g. in ~/.bashrc)
  zsh         source <(buildinfo completion zsh)           (e.g. in ~/.zshrc)
  fish        buildinfo completion fish > ~/.config/fish/completions/buildinfo.fish
  powershell  buildinfo completion powershell | Out-String | Invoke-Expression   (e.g. in $PROFILE)`,
};

const pushExit = `Exit codes: 0 every package pushed; 1 the server or network failed, or some packages were not pushed;
2 invalid input or usage (nothing was sent).`;

const outros: Partial<Record<CommandName, string>> = {
  collect: `stdout carries only the JSON document (unless --output is given). Exit codes: 0 collected;
1 a build-server API failed; 2 invalid input (e.g. an unsupported VCS).`,
  push: `After each package's line, what Octopus linked and each work item the preview expected that it
did not (see 'buildinfo preview'); without a tracker flag, GitHub and Jira references are expected.

${pushExit}`,
  preview: `Nothing is written to any server. --version is also the release's number in the notes. Exit codes:
0 shown; 1 the server or network failed; 2 invalid input or usage.`,
  "build-information": `Every 'buildinfo push' option is accepted too (see 'buildinfo push --help').\n\n${pushExit}`,
  conformance: `The command runs in /bin/sh -c (cmd.exe /d /s /c on Windows); the build's values reach it only
through its environment, never its command line. The report goes to stdout, progress to stderr.
Exit codes: 0 every case passed; 1 some failed; 2 invalid input or usage.`,
  serve:
    "Prints the server URL on stdout and the API key on stderr; runs until interrupted (Ctrl+C, SIGTERM).",
};

const indent = 28;
const width = 100;

/** The flag as help shows it: `--server URL`, `-p, --package-id ID`. */
export function flagLabel(option: OptionDefinition, command?: CommandName): string {
  const short =
    command === undefined ? undefined : aliasesOf(option, command).find((a) => a.flag.length === 1);
  const long = `--${option.flag}${option.valueName === undefined ? "" : ` ${option.valueName}`}`;
  return short === undefined ? long : `-${short.flag}, ${long}`;
}

/** What help adds after an option's help line: its other spellings, default and variables. */
export function optionNotes(option: OptionDefinition, command?: CommandName): string[] {
  const others = (command === undefined ? (option.aliases ?? []) : aliasesOf(option, command))
    .map((alias) => (typeof alias === "string" ? { flag: alias } : alias))
    .filter((alias) => alias.flag.length > 1 && !("deprecated" in alias));
  return [
    ...(others.length === 0 ? [] : [`also ${others.map((alias) => dashed(alias.flag)).join(", ")}`]),
    ...(option.default === undefined ? [] : [`default ${option.default}`]),
    ...(option.env === undefined ? [] : [`env ${option.env.join(", ")}`]),
  ];
}

function wrap(text: string, firstWidth: number): string {
  const lines: string[] = [];
  let line = "";
  let limit = firstWidth;
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > limit) {
      lines.push(line);
      line = word;
      limit = width - indent;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  return [...lines, line].join(`\n${" ".repeat(indent)}`);
}

function optionLine(option: OptionDefinition, command: CommandName, adapterIds: readonly string[]): string {
  const label = `  ${flagLabel(option, command)}`;
  const notes = optionNotes(option, command);
  const ids = option.complete === "adapters" && adapterIds.length > 0 ? `: ${adapterIds.join(" ")}` : "";
  const text = `${option.help}${ids}${notes.length === 0 ? "" : ` (${notes.join("; ")})`}`;
  const head = label.length < indent ? label.padEnd(indent) : `${label}\n${" ".repeat(indent)}`;
  return `${head}${wrap(text, width - indent)}`;
}

/**
 * A command's help, from the option table. `registry` gives the adapter ids for `--from` and the
 * adapters' options; without it those are left out.
 */
export function helpFor(
  command: CommandName,
  registry: { adapterIds: readonly string[]; adapterOptions: readonly OptionDefinition[] },
): string {
  const options = optionsOf(command, registry.adapterOptions);
  // build-information lists its own spellings; push's help lists the rest.
  const shown = command === "build-information" ? options.filter((o) => o.section === "octo") : options;
  const sections = sectionOrder.flatMap((section) => {
    const inSection = shown.filter((option) => option.section === section);
    if (inSection.length === 0) return [];
    const lines = inSection.map((option) => optionLine(option, command, registry.adapterIds));
    return [`${sectionTitles[section]}:\n${lines.join("\n")}`];
  });
  return `${[intros[command], ...sections, outros[command]].filter(Boolean).join("\n\n")}\n`;
}

const commandLines: Record<CommandName, string> = {
  collect: "gather build information and print it (the octo file format)",
  push: "push build information to Octopus for one or more packages",
  "build-information": "alias of push with octo's spellings (--apiKey, --debug)",
  preview: "what Octopus will make of it: links, work items, release notes (sends nothing)",
  list: "list build information on the server",
  view: "show one record",
  delete: "delete one record",
  serve: "run the local Octopus-compatible build-information server",
  completion: "print the shell completion script (bash, zsh, fish, powershell)",
  conformance: "run a build-information plugin against the conformance vectors",
};

const commandArguments: Partial<Record<CommandName, string>> = {
  view: " <id>",
  delete: " <id>",
  completion: " <shell>",
};

export function generalHelp(): string {
  const commands = (Object.keys(commandLines) as CommandName[]).map(
    (name) => `  ${`${name}${commandArguments[name] ?? ""}`.padEnd(20)}${commandLines[name]}`,
  );
  const variables = cliOptions.flatMap((option): readonly string[] =>
    option.section === "connection" && "env" in option ? [option.env[0]] : [],
  );
  return `buildinfo — send Octopus Deploy build information from any build server.

Usage: buildinfo <command> [options]

Commands:
${commands.join("\n")}
  help <command>      help for a command

Options: --help, --version, --args-from-env NAME (the arguments as a JSON array in the variable NAME)
Environment: ${variables.join(", ")}
Exit codes: 0 success; 1 server, network or partial failure; 2 invalid input or usage (nothing sent).
`;
}
