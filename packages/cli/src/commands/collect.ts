import { randomBytes } from "node:crypto";
import { lstat, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { BuildInfoError, formatBuildInformationFile, shortened } from "@buildinfo/core";
import { gatherBuildInformation, registryOptions } from "../gather";
import { EXIT_OK, runCommand } from "../run-command";
import type { CommandName } from "../settings/option-table";

export function run(name: CommandName, args: string[]): Promise<number> {
  return runCommand(name, args, {
    adapterOptions: registryOptions(),
    stdoutIsData: (settings) => settings.values.output === undefined,
    async body(context) {
      const output = context.settings.values.output;
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

/**
 * Writes a new file next to `path` and renames it over `path`: a run killed midway leaves the old
 * content whole, and a symlink at `path` is replaced, never followed onto the file it points at. A
 * regular file it replaces keeps its permissions (a 0600 file stays 0600).
 */
async function writeOutput(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const replaced = await lstat(path).catch(() => undefined);
  const mode = replaced?.isFile() ? replaced.mode & 0o7777 : 0o666;
  try {
    await writeFile(temporary, text, { encoding: "utf8", flag: "wx", mode });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BuildInfoError(
      "E_OUTPUT",
      `Cannot write '${shortened(path)}' (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      {
        hint: "Check that --output names a file in an existing, writable directory.",
        source: "--output",
        cause: error,
      },
    );
  }
}
