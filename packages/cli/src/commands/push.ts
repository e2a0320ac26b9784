import {
  BuildInfoError,
  type BuildInformation,
  didYouMean,
  type OverwriteMode,
  redactSecrets,
  shortened,
} from "@buildinfo/core";
import { createCommand, type OctopusClient, type SpaceRef } from "@buildinfo/octopus";
import { describeSpace } from "../display-text";
import { flagHint } from "../flag-hints";
import { gatherBuildInformation, registryOptions } from "../gather";
import { withClient } from "../open-client";
import { pushProgressLines, pushSummaryJson } from "../push-summary";
import { expectedWorkItems } from "../push-work-items";
import { type CommandContext, EXIT_FAILED, EXIT_OK, runCommand } from "../run-command";
import { type Connection, resolveConnection } from "../settings/connection";
import type { CommandName } from "../settings/option-table";
import { resolveOverwriteMode } from "../settings/overwrite-mode";
import { type PackageTarget, packagesFromSettings } from "../settings/packages";

/** `push`, and `build-information` (octo's and the Go CLI's command lines: docs/cli.md lists every form). */
export function run(name: CommandName, args: string[]): Promise<number> {
  const octo = name === "build-information";
  return runCommand(name, args, {
    // `octopus build-information upload|push PkgA PkgB …` (the Go CLI): a subcommand, then package ids.
    positionals: { min: 0, max: octo ? Number.POSITIVE_INFINITY : 0, name: "upload" },
    adapterOptions: registryOptions(),
    stdoutIsData: (settings) => settings.json || settings.values.dryRun,
    body: push,
  });
}

async function push(context: CommandContext): Promise<number> {
  const { settings, env, logger } = context;
  const bareIds = goCliPackageIds(context);
  // Everything the user gave is checked before the first request: an input error sends nothing.
  const { packages, duplicates } = packagesFromSettings(settings, bareIds);
  const overwrite = resolveOverwriteMode(settings.values.overwriteMode, settings.sources.overwriteMode, env);
  const { json } = settings;
  const { concurrency, dryRun } = settings.values;
  const connection = resolveConnection(settings, env, { required: !dryRun });
  const buildInformation = await gatherBuildInformation(context);

  if (duplicates.length > 0) logger.warn(`ignored repeated package ids: ${duplicates.join(", ")}`);
  if (overwrite.reason !== undefined) logger.info(overwrite.reason);

  if (dryRun) {
    context.output(
      `${JSON.stringify(dryRunPlan(connection, settings.values.space?.trim(), packages, overwrite.mode, buildInformation), null, 2)}\n`,
    );
    logger.info(
      `dry run: nothing was sent (${packages.length} package${packages.length === 1 ? "" : "s"} validated)`,
    );
    return EXIT_OK;
  }

  const server = connection!;
  // Each package's line as its push ends, not all of them at the end: on stdout in text mode, in the
  // log (stderr) with --json, whose stdout is the summary alone.
  const { githubBaseUrl, jiraBaseUrl, azureDevOpsBaseUrl } = settings.values;
  const expected = expectedWorkItems(buildInformation, { githubBaseUrl, jiraBaseUrl, azureDevOpsBaseUrl });
  const progress = pushProgressLines(packages, expected);
  return withClient(
    server,
    env,
    logger,
    async (client) => {
      const summary = await logger.group("Pushing build information to Octopus", async () => {
        const space = await client.resolveSpace(server.space);
        logger.info(`space ${describeSpace(space)} on ${client.serverUrl}, overwrite mode ${overwrite.mode}`);
        logPayload(context, client, space, packages, overwrite.mode, buildInformation);
        if (!json) context.output(progress.header(space));
        return client.pushToPackages({
          space,
          packages,
          buildInformation,
          overwriteMode: overwrite.mode,
          onResult: (result) =>
            json ? logger.info(progress.line(result).trim()) : context.output(progress.line(result)),
        });
      });

      if (json) {
        context.output(
          `${JSON.stringify(pushSummaryJson(client.serverUrl, overwrite.mode, summary, expected), null, 2)}\n`,
        );
      } else {
        context.output(progress.totals(summary));
      }
      for (const failed of summary.failed) {
        logger.error(
          `${failed.packageId} ${failed.version} was not pushed: ${failed.error?.message ?? "unknown error"} ${failed.error === undefined ? "" : flagHint(failed.error)}`.trim(),
          { code: failed.error?.code },
        );
      }
      if (summary.failed.length === 0) return EXIT_OK;
      const names = summary.failed.map((result) => `${result.packageId} ${result.version}`).join(", ");
      const message = `${summary.failed.length} of ${summary.results.length} packages were not pushed: ${names}`;
      logger.error(message);
      logger.failure(message);
      return EXIT_FAILED;
    },
    concurrency === undefined ? {} : { concurrency },
  );
}

/** With --verbose: each request as it will be sent; the body in full once, since only the package differs. */
function logPayload(
  context: CommandContext,
  client: OctopusClient,
  space: SpaceRef,
  packages: PackageTarget[],
  overwriteMode: OverwriteMode,
  buildInformation: BuildInformation,
): void {
  const path = `/api/${space.Id}/build-information?overwriteMode=${overwriteMode}`;
  const [first, ...rest] = packages;
  if (first === undefined) return;
  const headers = "X-Octopus-ApiKey or Authorization: [REDACTED], Content-Type: application/json";
  context.logger.debug(
    `POST ${client.serverUrl}${path} (${headers}) for ${first.packageId} ${first.version}:\n` +
      JSON.stringify(
        createCommand({ spaceId: space.Id, ...first, overwriteMode, buildInformation }),
        null,
        2,
      ),
  );
  for (const target of rest) {
    context.logger.debug(
      `POST ${client.serverUrl}${path} for ${target.packageId} ${target.version}: the same body with PackageId "${target.packageId}"`,
    );
  }
}

/** The requests a push would send; the space is the one given (flag or OCTOPUS_SPACE), with or without a server. */
function dryRunPlan(
  connection: Connection | undefined,
  space: string | undefined,
  packages: PackageTarget[],
  overwriteMode: OverwriteMode,
  buildInformation: BuildInformation,
) {
  const spaceId = space !== undefined && /^Spaces-\d+$/i.test(space) ? space : undefined;
  const placeholder = spaceId ?? (space === undefined ? "{default space}" : `{space "${space}"}`);
  return {
    dryRun: true,
    server: connection === undefined ? null : redactSecrets(connection.serverUrl),
    space: space ?? null,
    overwriteMode,
    requests: packages.map((target) => ({
      method: "POST",
      path: `/api/${placeholder}/build-information?overwriteMode=${overwriteMode}`,
      body: createCommand({ spaceId: placeholder, ...target, overwriteMode, buildInformation }),
    })),
  };
}

/** The Go CLI's subcommand (`upload`, or its alias `push`) and the package ids after it; refuses the rest. */
function goCliPackageIds({ settings }: CommandContext): string[] {
  const [subcommand, ...bareIds] = settings.positionals;
  if (subcommand !== undefined && subcommand !== "upload" && subcommand !== "push") {
    throw new BuildInfoError(
      "E_USAGE",
      `Unexpected argument '${shortened(subcommand)}' for 'buildinfo build-information'.`,
      {
        hint: `${didYouMean(subcommand, ["upload", "push"])}Only 'upload' (or 'push') may follow build-information, then package ids, as in the Octopus CLI.`,
        source: subcommand,
      },
    );
  }
  return bareIds;
}
