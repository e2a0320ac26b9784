import { flag } from "../args";
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
      const space = await withClient(connection, env, logger, async (client) => {
        const resolved = await client.resolveSpace(connection.space);
        await client.deleteBuildInformation(resolved, id);
        return resolved;
      });
      output(
        flag(values, "json")
          ? `${JSON.stringify({ deleted: id, space }, null, 2)}\n`
          : `Deleted ${id} from space ${space.Name} (${space.Id}).\n`,
      );
      return EXIT_OK;
    },
  });
}
