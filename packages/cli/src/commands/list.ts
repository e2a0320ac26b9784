import { displayList, displayText } from "../display-text";
import { formatTable } from "../format-table";
import { withClient } from "../open-client";
import { EXIT_OK, runCommand } from "../run-command";
import { resolveConnection } from "../settings/connection";
import type { CommandName } from "../settings/option-table";

export function run(name: CommandName, args: string[]): Promise<number> {
  return runCommand(name, args, {
    stdoutIsData: (settings) => settings.json,
    async body({ settings, env, logger, output }) {
      const { skip, take, packageId, filter, latest } = settings.values;
      const connection = resolveConnection(settings, env, { required: true })!;
      const page = await withClient(connection, env, logger, (client) =>
        client.listBuildInformation({
          ...(connection.space === undefined ? {} : { space: connection.space }),
          ...(packageId === undefined ? {} : { packageId }),
          ...(filter === undefined ? {} : { filter }),
          ...(latest ? { latest: true } : {}),
          ...(skip === undefined ? {} : { skip }),
          ...(take === undefined ? {} : { take }),
        }),
      );
      if (settings.json) {
        output(`${JSON.stringify(page, null, 2)}\n`);
        return EXIT_OK;
      }
      const rows = page.Items.map((record) => [
        record.Id,
        displayText(record.PackageId),
        displayText(record.Version),
        displayText(record.Branch),
        [displayText(record.BuildEnvironment), displayText(record.BuildNumber)].filter(Boolean).join(" "),
        String(displayList(record.Commits).length),
        displayText(record.Created),
      ]);
      output(formatTable(["ID", "PACKAGE", "VERSION", "BRANCH", "BUILD", "COMMITS", "CREATED"], rows));
      const shown = (skip ?? 0) + page.Items.length;
      const total = typeof page.TotalResults === "number" ? page.TotalResults : shown;
      logger.info(
        `${page.Items.length} of ${total} record${total === 1 ? "" : "s"}` +
          (shown < total ? `; next page: --skip ${shown}` : ""),
      );
      return EXIT_OK;
    },
  });
}
