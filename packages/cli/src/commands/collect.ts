import { writeFile } from "node:fs/promises";
import { BuildInfoError, formatBuildInformationFile } from "@buildinfo/core";
import { stringValue } from "../args";
import { gatherBuildInformation } from "../gather";
import { EXIT_OK, runCommand } from "../run-command";
import { collectOptions } from "../settings/option-specs";

export function run(name: string, args: string[]): Promise<number> {
  return runCommand(name, args, {
    options: collectOptions,
    stdoutIsData: (values) => stringValue(values, "output") === undefined,
    async body(context) {
      const output = stringValue(context.values, "output");
      const text = formatBuildInformationFile(await gatherBuildInformation(context));
      if (output === undefined) {
        context.output(text);
      } else {
        await writeOutput(output, context.logger.scrub(text));
        context.logger.info(`wrote build information to ${output}`);
      }
      return EXIT_OK;
    },
  });
}

async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, "utf8");
  } catch (error) {
    throw new BuildInfoError(
      "E_OUTPUT",
      `Cannot write '${path}' (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      {
        hint: "Check that --output names a file in an existing, writable directory.",
        source: "--output",
        cause: error,
      },
    );
  }
}
