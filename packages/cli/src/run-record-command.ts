import { BuildInfoError } from "@buildinfo/core";
import { type CommandContext, EXIT_OK, runCommand } from "./run-command";
import { type Connection, resolveConnection } from "./settings/connection";
import type { CommandName } from "./settings/option-table";

export interface RecordCommandContext extends Pick<CommandContext, "env" | "logger" | "output"> {
  /** The record id (BuildInformation-N). */
  id: string;
  connection: Connection;
  /** `--json`: stdout carries a JSON document. */
  json: boolean;
}

/** A command on one stored record (`view`, `delete`): its id, the connection options and `--json`. */
export function runRecordCommand(
  name: CommandName,
  args: string[],
  act: (context: RecordCommandContext) => Promise<void>,
): Promise<number> {
  return runCommand(name, args, {
    positionals: { min: 1, max: 1, name: "a record id (BuildInformation-N)" },
    stdoutIsData: (settings) => settings.json,
    async body({ settings, env, logger, output }) {
      const id = recordId(name, settings.positionals[0]!);
      await act({
        id,
        connection: resolveConnection(settings, env, { required: true })!,
        json: settings.json,
        env,
        logger,
        output,
      });
      return EXIT_OK;
    },
  });
}

/** A bare number is the record's number, not its id: the server would only answer 404. */
function recordId(command: CommandName, typed: string): string {
  if (!/^\d+$/.test(typed.trim())) return typed;
  throw new BuildInfoError("E_USAGE", `'${typed.trim()}' is not a record id.`, {
    hint: `Did you mean BuildInformation-${typed.trim()}? Run 'buildinfo ${command} BuildInformation-${typed.trim()}'.`,
    source: typed,
  });
}
