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

/** What `collect` and `push` gathered: the build information and its warnings, and the collection it came from. */
export interface Gathered {
  buildInformation: BuildInformation;
  warnings: string[];
  /** The collection, when it was collected from a build (not read from a file): what `--since-deployed` re-reads. */
  collected?: CollectedBuildInformation;
  /** Closes the build server's API client, which `collected.readFrom` may still use until then. */
  close(): Promise<void>;
}

/**
 * The build information of `collect` and `push`: from `--file` (the octo format) or from a build
 * server's adapter, with the override flags applied, normalised and validated. Its warnings and a
 * description go to the log, unless `sinceDeployed`: then each package's own range replaces it, and
 * that is what is described (see since-deployed.ts), and a build range the checkout cannot read does
 * not fail `--strict` before the deployed range is tried.
 */
export async function gatherBuildInformation(
  context: CommandContext,
  options: { sinceDeployed?: boolean } = {},
): Promise<Gathered> {
  const { settings, logger } = context;
  const file = settings.values.file;
  const title = file === undefined ? "Collecting build information" : "Reading build information";
  return logger.group(title, async () => {
    const gathered: Gathered =
      file === undefined
        ? await fromBuild(context, options.sinceDeployed === true)
        : { ...(await fromFile(context, file)), close: async () => {} };
    if (options.sinceDeployed !== true) reportBuild(context, gathered);
    return gathered;
  });
}

/** The warnings of a build's information and what it holds, in the log; `label` names its packages. */
export function reportBuild(
  { logger }: CommandContext,
  gathered: Pick<Gathered, "buildInformation" | "warnings">,
  label = "",
): void {
  for (const warning of gathered.warnings) logger.warn(`${label}${warning}`);
  for (const line of describeBuildInformation(gathered.buildInformation)) logger.info(`${label}${line}`);
}

async function fromFile({ settings, logger }: CommandContext, file: string): Promise<FileBuildInformation> {
  const { values, sources } = settings;
  for (const key of ["from", "since", "sinceDeployed"] as const) {
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

async function fromBuild(context: CommandContext, sinceDeployed: boolean): Promise<Gathered> {
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
      deferRangeFailure: sinceDeployed,
      http,
      logger: context.logger,
    });
    const warnings = [...ignoredOptions(context, collected), ...collected.warnings];
    // With --since-deployed the client stays open: each package's range may be read through the API.
    if (!sinceDeployed) await http.close();
    return { buildInformation: collected.buildInformation, warnings, collected, close: () => http.close() };
  } catch (error) {
    await http.close();
    throw error;
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
