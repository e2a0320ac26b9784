import type { CollectedBuildInformation, Degradation } from "@buildinfo/collect";
import {
  BuildInfoError,
  type BuildInformation,
  didYouMean,
  type OverwriteMode,
  redactSecrets,
  shortened,
} from "@buildinfo/core";
import { createCommand, type OctopusClient, type SpaceRef } from "@buildinfo/octopus";
import { checkBeforePush } from "../check-before-push";
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
import { collectSinceDeployed, sinceDeployedOf } from "../since-deployed";

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
  const { concurrency, dryRun, project } = settings.values;
  const sinceDeployed = sinceDeployedOf(settings);
  // --since-deployed and the --project checks read Octopus, a dry run too.
  const readsOctopus = sinceDeployed !== undefined || project !== undefined;
  const connection = resolveConnection(settings, env, { required: !dryRun || readsOctopus });
  const gathered = await gatherBuildInformation(context, { sinceDeployed: sinceDeployed !== undefined });
  try {
    if (duplicates.length > 0) logger.warn(`ignored repeated package ids: ${duplicates.join(", ")}`);
    if (overwrite.reason !== undefined) logger.info(overwrite.reason);
    const incomplete = gathered.collected?.incomplete ?? [];
    const shared = packages.map((target) => ({
      ...target,
      buildInformation: gathered.buildInformation,
      incomplete,
    }));
    if (dryRun && !readsOctopus) return printDryRun(context, connection, shared, overwrite.mode);

    const server = connection!;
    return await withClient(
      server,
      env,
      logger,
      async (client) => {
        const targets =
          sinceDeployed === undefined || gathered.collected === undefined
            ? shared
            : await perPackageTargets(context, client, gathered.collected, packages, {
                ...sinceDeployed,
                space: server.space,
              });
        if (project !== undefined)
          await checkBeforePush(context, client, { space: server.space, project, packages });
        if (dryRun) return printDryRun(context, connection, targets, overwrite.mode);
        return pushTargets(context, client, server, targets, overwrite.mode);
      },
      concurrency === undefined ? {} : { concurrency },
    );
  } finally {
    await gathered.close();
  }
}

/** A package to push with the build information it gets, and what that information lacks (the degrade rule). */
type Target = PackageTarget & { buildInformation: BuildInformation; incomplete: readonly Degradation[] };

async function perPackageTargets(
  context: CommandContext,
  client: OctopusClient,
  collected: CollectedBuildInformation,
  packages: PackageTarget[],
  request: Parameters<typeof collectSinceDeployed>[4],
): Promise<Target[]> {
  const ids = packages.map((target) => target.packageId);
  const perPackage = await collectSinceDeployed(context, client, collected, ids, request);
  return packages.map((target, index) => ({
    ...target,
    buildInformation: perPackage[index]!.collected.buildInformation,
    incomplete: perPackage[index]!.collected.incomplete,
  }));
}

function printDryRun(
  context: CommandContext,
  connection: Connection | undefined,
  targets: Target[],
  overwriteMode: OverwriteMode,
): number {
  context.output(
    `${JSON.stringify(dryRunPlan(connection, context.settings.values.space?.trim(), targets, overwriteMode), null, 2)}\n`,
  );
  context.logger.info(
    `dry run: nothing was sent (${targets.length} package${targets.length === 1 ? "" : "s"} validated)`,
  );
  return EXIT_OK;
}

async function pushTargets(
  context: CommandContext,
  client: OctopusClient,
  server: Connection,
  targets: Target[],
  overwriteMode: OverwriteMode,
): Promise<number> {
  const { logger, settings } = context;
  const { json } = settings;
  // What the preview expects Octopus to link, per distinct build information, checked against each answer.
  const { githubBaseUrl, jiraBaseUrl, azureDevOpsBaseUrl } = settings.values;
  const expectations = new Map<BuildInformation, ReturnType<typeof expectedWorkItems>>();
  for (const target of targets) {
    if (!expectations.has(target.buildInformation)) {
      const flags = { githubBaseUrl, jiraBaseUrl, azureDevOpsBaseUrl };
      expectations.set(target.buildInformation, expectedWorkItems(target.buildInformation, flags));
    }
  }
  const targetOf = (packageId: string) =>
    targets.find((candidate) => candidate.packageId === packageId) ?? targets[0]!;
  const expected = (packageId: string) => expectations.get(targetOf(packageId).buildInformation)!;
  const incompleteOf = (packageId: string) => targetOf(packageId).incomplete;
  // Each package's line as its push ends, not all of them at the end: on stdout in text mode, in the
  // log (stderr) with --json, whose stdout is the summary alone.
  const progress = pushProgressLines(targets, expected);
  const summary = await logger.group("Pushing build information to Octopus", async () => {
    const space = await client.resolveSpace(server.space);
    logger.info(`space ${describeSpace(space)} on ${client.serverUrl}, overwrite mode ${overwriteMode}`);
    logPayload(context, client, space, targets, overwriteMode);
    if (!json) context.output(progress.header(space));
    return client.pushToPackages({
      space,
      packages: targets,
      buildInformation: targets[0]!.buildInformation,
      overwriteMode,
      onResult: (result) =>
        json ? logger.info(progress.line(result).trim()) : context.output(progress.line(result)),
    });
  });

  if (json) {
    context.output(
      `${JSON.stringify(pushSummaryJson(client.serverUrl, overwriteMode, summary, expected, incompleteOf), null, 2)}\n`,
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
}

/** With --verbose: each request as it will be sent; a body in full once, then only which package differs. */
function logPayload(
  context: CommandContext,
  client: OctopusClient,
  space: SpaceRef,
  targets: Target[],
  overwriteMode: OverwriteMode,
): void {
  const path = `/api/${space.Id}/build-information?overwriteMode=${overwriteMode}`;
  const headers = "X-Octopus-ApiKey or Authorization: [REDACTED], Content-Type: application/json";
  let shown: BuildInformation | undefined;
  for (const target of targets) {
    const request = `POST ${client.serverUrl}${path}`;
    if (target.buildInformation === shown) {
      context.logger.debug(
        `${request} for ${target.packageId} ${target.version}: the same body with PackageId "${target.packageId}"`,
      );
      continue;
    }
    shown = target.buildInformation;
    context.logger.debug(
      `${request} (${headers}) for ${target.packageId} ${target.version}:\n` +
        JSON.stringify(createCommand({ spaceId: space.Id, ...target, overwriteMode }), null, 2),
    );
  }
}

/** The requests a push would send; the space is the one given (flag or OCTOPUS_SPACE), with or without a server. */
function dryRunPlan(
  connection: Connection | undefined,
  space: string | undefined,
  targets: Target[],
  overwriteMode: OverwriteMode,
) {
  const spaceId = space !== undefined && /^Spaces-\d+$/i.test(space) ? space : undefined;
  const placeholder = spaceId ?? (space === undefined ? "{default space}" : `{space "${space}"}`);
  return {
    dryRun: true,
    server: connection === undefined ? null : redactSecrets(connection.serverUrl),
    space: space ?? null,
    overwriteMode,
    requests: targets.map((target) => ({
      method: "POST",
      path: `/api/${placeholder}/build-information?overwriteMode=${overwriteMode}`,
      body: createCommand({ spaceId: placeholder, ...target, overwriteMode }),
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
