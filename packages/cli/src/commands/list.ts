import { flag, integerOption, stringValue } from "../args";
import { displayList, displayText } from "../display-text";
import { formatTable } from "../format-table";
import { withClient } from "../open-client";
import { EXIT_OK, runCommand } from "../run-command";
import { resolveConnection } from "../settings/connection";
import { listOptions } from "../settings/option-specs";

export function run(name: string, args: string[]): Promise<number> {
  return runCommand(name, args, {
    options: listOptions,
    stdoutIsData: (values) => flag(values, "json"),
    async body({ values, env, logger, output }) {
      const skip = integerOption(values, "skip", { min: 0, max: 1_000_000_000 });
      const take = integerOption(values, "take", { min: 1, max: 1_000_000 });
      const connection = resolveConnection(values, env, { required: true })!;
      const packageId = stringValue(values, "package-id");
      const filter = stringValue(values, "filter");
      const page = await withClient(connection, env, logger, (client) =>
        client.listBuildInformation({
          ...(connection.space === undefined ? {} : { space: connection.space }),
          ...(packageId === undefined ? {} : { packageId }),
          ...(filter === undefined ? {} : { filter }),
          ...(flag(values, "latest") ? { latest: true } : {}),
          ...(skip === undefined ? {} : { skip }),
          ...(take === undefined ? {} : { take }),
        }),
      );
      if (flag(values, "json")) {
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
