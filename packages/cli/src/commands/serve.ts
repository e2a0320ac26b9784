import { startOctopusServer } from "@buildinfo/testing";
import { integerOption, stringValue, stringValues } from "../args";
import { EXIT_OK, runCommand } from "../run-command";
import { serveOptions } from "../settings/option-specs";

/** Runs the local server until SIGINT/SIGTERM. Its URL is the one line on stdout, for scripts. */
export function run(name: string, args: string[]): Promise<number> {
  return runCommand(name, args, {
    options: serveOptions,
    stdoutIsData: () => true,
    async body({ values, logger, output }) {
      const port = integerOption(values, "port", { min: 0, max: 65_535 });
      const apiKey = stringValue(values, "api-key");
      const persistPath = stringValue(values, "persist");
      const spaceNames = stringValues(values, "space");
      const server = await startOctopusServer({
        ...(port === undefined ? {} : { port }),
        ...(apiKey === undefined ? {} : { apiKeys: [apiKey] }),
        ...(persistPath === undefined ? {} : { persistPath }),
        ...(spaceNames.length === 0
          ? {}
          : {
              spaces: spaceNames.map((spaceName, index) => ({
                Id: `Spaces-${index + 1}`,
                Name: spaceName,
                IsDefault: index === 0,
              })),
            }),
      });
      output(`${server.url}\n`);
      // The key of a throwaway local server, printed so people can use it; never a real credential.
      process.stderr.write(
        `[buildinfo] local Octopus build-information server listening on ${server.url}\n` +
          `[buildinfo] API key: ${server.apiKey}\n` +
          `[buildinfo] try: buildinfo push --server ${server.url} --api-key ${server.apiKey} --package-id Acme.Web --version 1.0.0\n` +
          "[buildinfo] stop with Ctrl+C\n",
      );
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      });
      logger.info(`${signal}: stopping the server (${server.records().length} records stored)`);
      await server.close();
      return EXIT_OK;
    },
  });
}
