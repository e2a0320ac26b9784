#!/usr/bin/env node
import type { CommandModule } from "./command";
// The entry point stays free of undici, pino and zod: `--help` and `--version` answer from here, and
// each command's module (with its heavy dependencies) is loaded only when that command runs.
import { type CommandName, commandNames, generalHelp, helpFor, isCommandName } from "./help";
import { VERSION } from "./version";

function loadCommand(name: CommandName): Promise<CommandModule> {
  switch (name) {
    case "collect":
      return import("./commands/collect");
    case "push":
    case "build-information":
      return import("./commands/push");
    case "list":
      return import("./commands/list");
    case "view":
      return import("./commands/view");
    case "delete":
      return import("./commands/delete");
    case "serve":
      return import("./commands/serve");
  }
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(generalHelp());
    return 2;
  }
  if (first === "--help" || first === "-h") {
    process.stdout.write(generalHelp());
    return 0;
  }
  if (first === "--version" || first === "-V") {
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
    process.stdout.write(helpFor(topic, await adapterIds()));
    return 0;
  }
  if (!isCommandName(first)) return unknownCommand(first);
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(helpFor(first, await adapterIds()));
    return 0;
  }
  const command = await loadCommand(first);
  return command.run(first, rest);
}

/** The registry's `--from` ids; loaded only for a command's help, since the adapters bring zod. */
async function adapterIds(): Promise<string[]> {
  const { adapters } = await import("@buildinfo/collect");
  return [...adapters.keys()];
}

function unknownCommand(name: string): number {
  process.stderr.write(
    `buildinfo: error: unknown command '${name}'. Commands: ${commandNames.join(", ")}. Run 'buildinfo --help'.\n`,
  );
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `buildinfo: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
