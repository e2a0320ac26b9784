import { BuildInfoError } from "@buildinfo/core";
import { EXIT_FAILED, EXIT_OK, runCommand } from "../run-command";
import type { CommandName } from "../settings/option-table";

/** `buildinfo conformance`: the kit's runner; the report on stdout, progress on stderr. */
export function run(name: CommandName, args: string[]): Promise<number> {
  return runCommand(name, args, {
    stdoutIsData: (settings) =>
      settings.values.reportFormat !== undefined && settings.values.reportFormat !== "text",
    async body({ settings: { values }, logger, output }) {
      const plugin = values.plugin;
      if (plugin === undefined) {
        throw new BuildInfoError("E_USAGE", "buildinfo conformance needs --plugin COMMAND.", {
          hint: "Give the command that pushes with your plugin, e.g. --plugin 'my-plugin push --package-id {packageId} --version {version}'.",
          source: "--plugin",
        });
      }
      // Loaded only now: the kit's vectors are large, and no other command needs them.
      const { formatJson, formatJunit, formatText, runConformance } = await import("@buildinfo/conformance");
      const report = await runConformance({
        plugin,
        servers: values.conformanceServers,
        cases: values.conformanceCases,
        passEnv: values.passEnv,
        ...(values.caseConcurrency === undefined ? {} : { concurrency: values.caseConcurrency }),
        ...(values.pluginTimeoutMs === undefined ? {} : { timeoutMs: values.pluginTimeoutMs }),
        onResult: (result) =>
          logger.info(
            `${result.server}/${result.case}: ${
              result.passed
                ? "passed"
                : `FAILED (${result.rows
                    .filter((row) => !row.passed)
                    .map((row) => row.name)
                    .join(", ")})`
            }`,
          ),
      });
      const format = values.reportFormat ?? "text";
      output(
        format === "junit"
          ? formatJunit(report)
          : format === "json"
            ? formatJson(report)
            : formatText(report),
      );
      return report.passed ? EXIT_OK : EXIT_FAILED;
    },
  });
}
