import { flag } from "./args";
import { type CommandContext, EXIT_OK, runCommand } from "./run-command";
import { type Connection, resolveConnection } from "./settings/connection";
import { recordOptions } from "./settings/option-specs";

export interface RecordCommandContext extends Pick<CommandContext, "env" | "logger" | "output"> {
  /** The record id (BuildInformation-N). */
  id: string;
  connection: Connection;
  /** `--json`: stdout carries a JSON document. */
  json: boolean;
}

/** A command on one stored record (`view`, `delete`): its id, the connection options and `--json`. */
export function runRecordCommand(
  name: string,
  args: string[],
  act: (context: RecordCommandContext) => Promise<void>,
): Promise<number> {
  return runCommand(name, args, {
    options: recordOptions,
    positionals: { min: 1, max: 1, name: "a record id (BuildInformation-N)" },
    stdoutIsData: (values) => flag(values, "json"),
    async body({ values, positionals, env, logger, output }) {
      await act({
        id: positionals[0]!,
        connection: resolveConnection(values, env, { required: true })!,
        json: flag(values, "json"),
        env,
        logger,
        output,
      });
      return EXIT_OK;
    },
  });
}
