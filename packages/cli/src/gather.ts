import {
  buildInformationFromFile,
  collectBuildInformation,
  type FileBuildInformation,
} from "@buildinfo/collect";
import { BuildInfoError, type BuildInformation } from "@buildinfo/core";
import { createGitRunner, withPrefetched } from "@buildinfo/git";
import { durationOption, integerOption, stringValue } from "./args";
import { describeBuildInformation } from "./describe-build-information";
import { earlyGit } from "./early-git";
import { lazyHttpClient } from "./lazy-http-client";
import { readInputFile } from "./read-input-file";
import type { CommandContext } from "./run-command";
import { overridesFromArgs } from "./settings/overrides";

/**
 * The build information of `collect` and `push`: from `--file` (the octo format) or from a build
 * server's adapter, with the override flags applied, normalised and validated. Warnings go to the log.
 */
export async function gatherBuildInformation(context: CommandContext): Promise<BuildInformation> {
  const { values, logger } = context;
  const file = stringValue(values, "file");
  const title = file === undefined ? "Collecting build information" : "Reading build information";
  return logger.group(title, async () => {
    const { buildInformation, warnings } =
      file === undefined ? await fromBuild(context) : await fromFile(context, file);
    for (const warning of warnings) logger.warn(warning);
    for (const line of describeBuildInformation(buildInformation)) logger.info(line);
    return buildInformation;
  });
}

function commitCapOf(values: CommandContext["values"]): number | undefined {
  return integerOption(values, "commit-cap", { min: 1, max: 10_000_000 });
}

async function fromFile({ values, logger }: CommandContext, file: string): Promise<FileBuildInformation> {
  for (const name of ["from", "since"]) {
    if (stringValue(values, name) !== undefined) {
      throw new BuildInfoError("E_USAGE", `--${name} cannot be combined with --file.`, {
        hint: `Either read the file (--file) or collect from the build (--${name}), not both.`,
        source: `--${name}`,
      });
    }
  }
  const commitCap = commitCapOf(values);
  const gathered = buildInformationFromFile(await readInputFile(file), file, {
    overrides: overridesFromArgs(values),
    ...(commitCap === undefined ? {} : { commitCap }),
  });
  logger.info(`read build information from ${file}`);
  return gathered;
}

async function fromBuild(context: CommandContext): Promise<FileBuildInformation> {
  const { values } = context;
  const from = stringValue(values, "from");
  const since = stringValue(values, "since");
  const vcsRootId = stringValue(values, "vcs-root-id");
  const commitCap = commitCapOf(values);
  const http = lazyHttpClient(context.logger, durationOption(values, "timeout"));
  try {
    return await collectBuildInformation({
      ...(from === undefined ? {} : { adapter: from }),
      env: context.env,
      cwd: context.cwd,
      overrides: overridesFromArgs(values),
      options: vcsRootId === undefined ? {} : { vcsRootId },
      ...(since === undefined ? {} : { since }),
      ...(commitCap === undefined ? {} : { commitCap }),
      http,
      logger: context.logger,
      git: withPrefetched(createGitRunner(context.cwd, { logger: context.logger }), earlyGit()),
    });
  } finally {
    await http.close();
  }
}
