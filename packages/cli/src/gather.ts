import {
  buildInformationFromFile,
  type CollectedBuildInformation,
  collectBuildInformation,
  type FileBuildInformation,
  manifests,
} from "@buildinfo/collect";
import { BuildInfoError, type BuildInformation } from "@buildinfo/core";
import { describeBuildInformation } from "./describe-build-information";
import { lazyHttpClient } from "./lazy-http-client";
import { readInputFile } from "./read-input-file";
import type { CommandContext } from "./run-command";
import { adapterOptionDefinitions, type OptionDefinition } from "./settings/option-table";

/** The registry's adapter options, which collect and push take as flags. */
export function registryOptions(): OptionDefinition[] {
  return adapterOptionDefinitions(manifests.flatMap((manifest) => manifest.options ?? []));
}

/**
 * The build information of `collect` and `push`: from `--file` (the octo format) or from a build
 * server's adapter, with the override flags applied, normalised and validated. Warnings go to the log.
 */
export async function gatherBuildInformation(context: CommandContext): Promise<BuildInformation> {
  const { settings, logger } = context;
  const file = settings.values.file;
  const title = file === undefined ? "Collecting build information" : "Reading build information";
  return logger.group(title, async () => {
    const { buildInformation, warnings } =
      file === undefined ? await fromBuild(context) : await fromFile(context, file);
    for (const warning of warnings) logger.warn(warning);
    for (const line of describeBuildInformation(buildInformation)) logger.info(line);
    return buildInformation;
  });
}

async function fromFile({ settings, logger }: CommandContext, file: string): Promise<FileBuildInformation> {
  const { values, sources } = settings;
  for (const key of ["from", "since"] as const) {
    const flag = sources[key];
    if (values[key] !== undefined && flag !== undefined) {
      throw new BuildInfoError("E_USAGE", `${flag} cannot be combined with --file.`, {
        hint: `Either read the file (--file) or collect from the build (${flag}), not both.`,
        source: flag,
      });
    }
  }
  const gathered = buildInformationFromFile(await readInputFile(file), file, {
    overrides: settings.overrides,
    ...(values.commitCap === undefined ? {} : { commitCap: values.commitCap }),
  });
  logger.info(`read build information from ${file}`);
  return gathered;
}

async function fromBuild(context: CommandContext): Promise<CollectedBuildInformation> {
  const { values, adapterOptions } = context.settings;
  const http = lazyHttpClient(context.logger, values.buildServerTimeoutMs);
  try {
    const collected = await collectBuildInformation({
      ...(values.from === undefined ? {} : { adapter: values.from }),
      env: context.env,
      cwd: context.cwd,
      overrides: context.settings.overrides,
      options: adapterOptions,
      ...(values.since === undefined ? {} : { since: values.since }),
      ...(values.commitCap === undefined ? {} : { commitCap: values.commitCap }),
      strict: values.strict,
      http,
      logger: context.logger,
    });
    return { ...collected, warnings: [...ignoredOptions(context, collected), ...collected.warnings] };
  } finally {
    await http.close();
  }
}

/** A warning for each adapter option given that the chosen adapter does not read. */
function ignoredOptions({ settings }: CommandContext, { adapter }: CollectedBuildInformation): string[] {
  const declared = new Set((adapter.options ?? []).map((option) => option.key));
  return Object.entries(settings.adapterFlags)
    .filter(([key]) => !declared.has(key))
    .map(
      ([, flag]) =>
        `the ${adapter.id} adapter ignores ${flag}: only another build server's adapter reads it.`,
    );
}
