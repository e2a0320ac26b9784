import { formatRecord } from "../format-record";
import { withClient } from "../open-client";
import { runRecordCommand } from "../run-record-command";
import type { CommandName } from "../settings/option-table";

export function run(name: CommandName, args: string[]): Promise<number> {
  return runRecordCommand(name, args, async ({ id, connection, json, env, logger, output }) => {
    const record = await withClient(connection, env, logger, (client) =>
      client.getBuildInformation(connection.space, id),
    );
    output(json ? `${JSON.stringify(record, null, 2)}\n` : formatRecord(record));
  });
}
