import {
  type CollectedBuildInformation,
  collectPerPackage,
  type PackageCollection,
} from "@buildinfo/collect";
import { BuildInfoError } from "@buildinfo/core";
import { deployedRangeStart, describeDeployment, type OctopusClient } from "@buildinfo/octopus";
import { reportBuild } from "./gather";
import type { CommandContext } from "./run-command";
import type { Settings } from "./settings/settings";

/** What `--since-deployed` asks: the deployment of `project` to `environment` to follow. */
export interface SinceDeployed {
  environment: string;
  project: string;
  channel?: string;
  tenant?: string;
}

/**
 * `--since-deployed` and its companions, checked before anything is read; undefined without it. `--channel`
 * and `--tenant` only mean something with it; `--project` is needed with it.
 */
export function sinceDeployedOf({ values, sources }: Settings): SinceDeployed | undefined {
  const usage = (message: string, hint: string, source: string | undefined) =>
    new BuildInfoError("E_USAGE", message, { hint, source });
  if (values.sinceDeployed === undefined) {
    for (const key of ["channel", "tenant"] as const) {
      if (values[key] !== undefined)
        throw usage(
          `${sources[key]} only narrows --since-deployed, which is not given.`,
          `Pass --since-deployed ENVIRONMENT --project NAME with it, or leave ${sources[key]} out.`,
          sources[key],
        );
    }
    return undefined;
  }
  const flag = sources.sinceDeployed ?? "--since-deployed";
  if (values.project === undefined)
    throw usage(
      `${flag} needs --project.`,
      `Pass --project with the Octopus project that deploys the packages.`,
      flag,
    );
  if (values.since !== undefined)
    throw usage(
      `${flag} and ${sources.since ?? "--since"} both choose where the commits start.`,
      "Pass one of them: --since REV for a commit of your own, --since-deployed for the deployed one.",
      sources.since,
    );
  return {
    environment: values.sinceDeployed,
    project: values.project,
    ...(values.channel === undefined ? {} : { channel: values.channel }),
    ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
  };
}

/**
 * Each package's build information since the release last deployed to the environment: the library path
 * of `collect` and `push --since-deployed`, which `preview` calls too. The deployment is found, each
 * package's range read from the commit its deployed release captured (each distinct commit once), and
 * the notes, warnings and contents of each are logged, named by package when they differ.
 */
export async function collectSinceDeployed(
  context: CommandContext,
  client: OctopusClient,
  collected: CollectedBuildInformation,
  packageIds: readonly string[],
  request: SinceDeployed & { space?: string | undefined },
): Promise<PackageCollection[]> {
  const { logger } = context;
  return logger.group(`Reading the commits since the deployment to ${request.environment}`, async () => {
    const last = await client.findLastDeployment(request);
    logger.info(`last deployment: ${describeDeployment(last)}`);
    const perPackage = await collectPerPackage(collected, packageIds, (id) => deployedRangeStart(last, id));
    const distinct = [...new Set(perPackage.map((entry) => entry.collected))];
    for (const entry of perPackage)
      for (const note of entry.notes) logger.info(`${entry.packageId}: ${note}`);
    for (const one of distinct) {
      const ids = perPackage.filter((entry) => entry.collected === one).map((entry) => entry.packageId);
      reportBuild(context, one, distinct.length > 1 ? `${ids.join(", ")}: ` : "");
    }
    return perPackage;
  });
}
