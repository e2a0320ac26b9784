import { flag } from "../args";
import { formatRecord } from "../format-record";
import { withClient } from "../open-client";
import { EXIT_OK, runCommand } from "../run-command";
import { resolveConnection } from "../settings/connection";
import { connectionOptions, loggingOptions } from "../settings/option-specs";

export function run(name: string, args: string[]): Promise<number> {
  return runCommand(name, args, {
    options: { ...connectionOptions, ...loggingOptions, json: { type: "boolean" } },
    positionals: { min: 1, max: 1, name: "a record id (BuildInformation-N)" },
    stdoutIsData: (values) => flag(values, "json"),
    async body({ values, positionals, env, logger, output }) {
      const id = positionals[0]!;
      const connection = resolveConnection(values, env, { required: true })!;
      const record = await withClient(connection, env, logger, (client) =>
        client.getBuildInformation(connection.space, id),
      );
      output(flag(values, "json") ? `${JSON.stringify(record, null, 2)}\n` : formatRecord(record));
      return EXIT_OK;
    },
  });
}
