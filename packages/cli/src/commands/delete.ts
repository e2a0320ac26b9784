import { describeSpace } from "../display-text";
import { withClient } from "../open-client";
import { runRecordCommand } from "../run-record-command";
import type { CommandName } from "../settings/option-table";

export function run(name: CommandName, args: string[]): Promise<number> {
  return runRecordCommand(name, args, async ({ id, connection, json, env, logger, output }) => {
    const space = await withClient(connection, env, logger, async (client) => {
      const resolved = await client.resolveSpace(connection.space);
      await client.deleteBuildInformation(resolved, id);
      return resolved;
    });
    output(
      json
        ? `${JSON.stringify({ deleted: id, space }, null, 2)}\n`
        : `Deleted ${id} from space ${describeSpace(space)}.\n`,
    );
  });
}
