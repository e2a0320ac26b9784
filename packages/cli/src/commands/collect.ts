import { randomBytes } from "node:crypto";
import { lstat, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import {
  BuildInfoError,
  type BuildInformation,
  formatBuildInformationFile,
  shortened,
  validatePackageId,
} from "@buildinfo/core";
import { gatherBuildInformation, registryOptions } from "../gather";
import { withClient } from "../open-client";
import { type CommandContext, EXIT_OK, runCommand } from "../run-command";
import { resolveConnection } from "../settings/connection";
import type { CommandName } from "../settings/option-table";
import { collectSinceDeployed, type SinceDeployed, sinceDeployedOf } from "../since-deployed";

export function run(name: CommandName, args: string[]): Promise<number> {
  return runCommand(name, args, {
    adapterOptions: registryOptions(),
    stdoutIsData: (settings) => settings.values.output === undefined,
    async body(context) {
      const output = context.settings.values.output;
      const text = formatBuildInformationFile(await collectBuild(context));
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

/** The build's information, or with --since-deployed the commits since the deployed one of its package. */
async function collectBuild(context: CommandContext): Promise<BuildInformation> {
  const { settings, env, logger } = context;
  const request = sinceDeployedOf(settings);
  const alone = (["project", "packageIds"] as const).find((key) => settings.sources[key] !== undefined);
  if (request === undefined && alone !== undefined) {
    const flag = settings.sources[alone];
    throw new BuildInfoError("E_USAGE", `collect takes ${flag} only with --since-deployed.`, {
      hint: "Pass --since-deployed ENVIRONMENT to read the commits since that deployment, or leave it out.",
      source: flag,
    });
  }
  const packageId = request === undefined ? undefined : onePackage(context, request);
  const connection = request === undefined ? undefined : resolveConnection(settings, env, { required: true });
  const gathered = await gatherBuildInformation(context, { sinceDeployed: request !== undefined });
  try {
    if (request === undefined || packageId === undefined || connection === undefined || !gathered.collected)
      return gathered.buildInformation;
    const collected = gathered.collected;
    return await withClient(connection, env, logger, async (client) => {
      const [entry] = await collectSinceDeployed(context, client, collected, [packageId], {
        ...request,
        space: connection.space,
      });
      return entry!.collected.buildInformation;
    });
  } finally {
    await gathered.close();
  }
}

/** The one package whose deployed commit `collect --since-deployed` starts from; `--project` and `--package-id` only with it. */
function onePackage({ settings }: CommandContext, request: SinceDeployed): string {
  const { values, sources } = settings;
  const [packageId, ...more] = values.packageIds;
  if (packageId === undefined || more.length > 0) {
    throw new BuildInfoError(
      "E_USAGE",
      `collect --since-deployed ${request.environment} needs one --package-id${more.length > 0 ? `, not ${values.packageIds.length}` : ""}: the package whose deployed commit the range starts from.`,
      {
        hint: "Pass --package-id once; push takes several, each with its own range.",
        source: "--package-id",
      },
    );
  }
  return validatePackageId(packageId, sources.packageIds ?? "--package-id");
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
