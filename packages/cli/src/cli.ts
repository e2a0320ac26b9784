#!/usr/bin/env node
import { argsFromEnvFlag, expandArgsFromEnv } from "./args-from-env";
import type { CommandModule } from "./command";
// The entry point stays free of undici and zod: `--help` and `--version` answer from here, and
// each command's module (with its heavy dependencies) is loaded only when that command runs.
import { generalHelp, helpFor } from "./help";
import { isHelpFlag, isVersionFlag } from "./settings/entry-flags";
import {
  adapterOptionDefinitions,
  type CommandName,
  commandNames,
  isCommandName,
} from "./settings/option-table";
import { VERSION } from "./version";

function loadCommand(name: CommandName): Promise<CommandModule> {
  switch (name) {
    case "collect":
      return import("./commands/collect");
    case "push":
    case "build-information":
      return import("./commands/push");
    case "preview":
      return import("./commands/preview");
    case "list":
      return import("./commands/list");
    case "view":
      return import("./commands/view");
    case "delete":
      return import("./commands/delete");
    case "serve":
      return import("./commands/serve");
    case "completion":
      return import("./commands/completion");
    case "conformance":
      return import("./commands/conformance");
  }
}

/** The Go CLI's short name of `build-information` (OctopusDeploy/cli pkg/cmd/buildinformation/build-information.go). */
const commandAliases: Readonly<Record<string, CommandName>> = { "build-info": "build-information" };

/**
 * A reader that stops early (`buildinfo collect | head -1`) closes stdout: the rest of the output is
 * dropped and the command ends as it would have (exit 0 for collect), like git, not with an EPIPE stack.
 */
function ignoreClosedReader(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
    process.stderr.write(`buildinfo: error: cannot write the output (${error.code ?? error.message}).\n`);
    process.exitCode = 1;
  });
}

async function main(argv: string[]): Promise<number> {
  const expanded = expandArgsFromEnv(argv, process.env);
  if ("problem" in expanded) return argsFromEnvError(expanded.problem, expanded.hint);
  const [typed, ...rest] = expanded.args;
  const first = typed === undefined ? undefined : (commandAliases[typed] ?? typed);
  if (first === undefined) {
    process.stderr.write(generalHelp());
    return 2;
  }
  if (isHelpFlag(first)) {
    process.stdout.write(generalHelp());
    return 0;
  }
  if (isVersionFlag(first)) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) {
      process.stdout.write(generalHelp());
      return 0;
    }
    if (!isCommandName(topic)) return unknownCommand(topic);
    process.stdout.write(helpFor(topic, await registryForHelp()));
    return 0;
  }
  if (!isCommandName(first)) return unknownCommand(first);
  if (rest.some(isHelpFlag)) {
    process.stdout.write(helpFor(first, await registryForHelp()));
    return 0;
  }
  const command = await loadCommand(first);
  return command.run(first, rest);
}

/** The registry's `--from` ids and the adapters' options; loaded only for a command's help. */
async function registryForHelp() {
  const { manifests } = await import("@buildinfo/collect");
  return {
    adapterIds: manifests.map((manifest) => manifest.id),
    adapterOptions: adapterOptionDefinitions(manifests.flatMap((manifest) => manifest.options ?? [])),
  };
}

async function unknownCommand(name: string): Promise<number> {
  // Loaded only on this error path: the entry point stays light.
  const [{ BuildInfoError, didYouMean, neutraliseLogCommands, shortenedLine }, { reportUsageError }] =
    await Promise.all([import("@buildinfo/core"), import("./run-command")]);
  const known = [...commandNames, ...Object.keys(commandAliases), "help"];
  // Echoed on stderr, which the Azure agent reads for ##vso commands: one neutralised line.
  const shown = neutraliseLogCommands(shortenedLine(name));
  return reportUsageError(
    new BuildInfoError("E_USAGE", `Unknown command '${shown}'.`, {
      hint: `${didYouMean(name, known)}Commands: ${commandNames.join(", ")}. Run 'buildinfo --help'.`,
      source: shown,
    }),
  );
}

/** The usage error of a `--args-from-env` that gives no arguments: one line, exit 2, nothing run. */
async function argsFromEnvError(problem: string, hint: string): Promise<number> {
  // Loaded only on this error path, like unknownCommand's.
  const { BuildInfoError, neutraliseLogCommands } = await import("@buildinfo/core");
  const error = new BuildInfoError("E_USAGE", problem, { hint, source: argsFromEnvFlag });
  process.stderr.write(
    `[buildinfo] error: ${neutraliseLogCommands(`${error.message} ${error.hint}`)} code=${error.code}\n`,
  );
  return error.exitCode;
}

ignoreClosedReader(process.stdout);
ignoreClosedReader(process.stderr);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    process.exitCode = 1;
    // Loaded only here, so --help and --version stay as cheap as they are. Neutralised and stripped of
    // URL credentials as the logger's lines are: the Azure agent reads stderr for ##vso commands.
    const { describeUnexpected } = await import("./describe-unexpected");
    const { neutraliseLogCommands, redactUrlUserinfo } = await import("@buildinfo/core");
    process.stderr.write(
      `buildinfo: unexpected error: ${neutraliseLogCommands(redactUrlUserinfo(describeUnexpected(error)))}\n`,
    );
  },
);
