import { BuildInfoError, type BuildInformation, type OverwriteMode, redactSecrets } from "@buildinfo/core";
import { createCommand, type OctopusClient, type SpaceRef } from "@buildinfo/octopus";
import { flag, integerOption, type OptionSpec, stringValue } from "../args";
import { gatherBuildInformation } from "../gather";
import { withClient } from "../open-client";
import { formatPushSummary, pushSummaryJson } from "../push-summary";
import { type CommandContext, EXIT_FAILED, EXIT_OK, runCommand } from "../run-command";
import { type Connection, resolveConnection } from "../settings/connection";
import {
  collectionOptions,
  connectionOptions,
  loggingOptions,
  overrideOptions,
} from "../settings/option-specs";
import { resolveOverwriteMode } from "../settings/overwrite-mode";
import { type PackageTarget, packagesFromArgs } from "../settings/packages";

/**
 * Options of `octo build-information` (and of `octopus build-information upload`) that plugins may pass
 * through their "additional arguments". They parse, so such a command line runs unchanged; only
 * `--ignoreSslErrors` is then refused, since certificates are always verified.
 */
const octoCompatibilityOptions: OptionSpec = {
  "no-prompt": { type: "boolean" },
  enableServiceMessages: { type: "boolean" },
  logLevel: { type: "string" },
  ignoreSslErrors: { type: "boolean" },
};

/** `push`, and `build-information` (octo's command line: the same options with `--apiKey`, `--debug`). */
export function run(name: string, args: string[]): Promise<number> {
  const octo = name === "build-information";
  return runCommand(name, args, {
    // `octopus build-information upload …` (the Go CLI) names a subcommand: accepted as the same alias.
    positionals: { min: 0, max: octo ? 1 : 0, name: "upload" },
    options: {
      ...(octo ? octoCompatibilityOptions : {}),
      ...collectionOptions,
      ...overrideOptions,
      ...connectionOptions,
      ...loggingOptions,
      "package-id": { type: "string", multiple: true },
      version: { type: "string" },
      "overwrite-mode": { type: "string" },
      concurrency: { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
    },
    stdoutIsData: (values) => flag(values, "json") || flag(values, "dry-run"),
    body: push,
  });
}

async function push(context: CommandContext): Promise<number> {
  const { values, env, logger } = context;
  checkOctoCompatibility(context);
  // Everything the user gave is checked before the first request: an input error sends nothing.
  const { packages, duplicates } = packagesFromArgs(values);
  const overwrite = resolveOverwriteMode(stringValue(values, "overwrite-mode"), env);
  const concurrency = integerOption(values, "concurrency", { min: 1, max: 1000 });
  const dryRun = flag(values, "dry-run");
  const connection = resolveConnection(values, env, { required: !dryRun });
  const buildInformation = await gatherBuildInformation(context);

  if (duplicates.length > 0) logger.warn(`ignored repeated package ids: ${duplicates.join(", ")}`);
  if (overwrite.reason !== undefined) logger.info(overwrite.reason);

  if (dryRun) {
    context.output(
      `${JSON.stringify(dryRunPlan(connection, packages, overwrite.mode, buildInformation), null, 2)}\n`,
    );
    logger.info(
      `dry run: nothing was sent (${packages.length} package${packages.length === 1 ? "" : "s"} validated)`,
    );
    return EXIT_OK;
  }

  const server = connection!;
  return withClient(
    server,
    env,
    logger,
    async (client) => {
      const summary = await logger.group("Pushing build information to Octopus", async () => {
        const space = await client.resolveSpace(server.space);
        logger.info(
          `space ${space.Name} (${space.Id}) on ${client.serverUrl}, overwrite mode ${overwrite.mode}`,
        );
        logPayload(context, client, space, packages, overwrite.mode, buildInformation);
        return client.pushToPackages({
          space,
          packages,
          buildInformation,
          overwriteMode: overwrite.mode,
        });
      });

      if (flag(values, "json")) {
        context.output(
          `${JSON.stringify(pushSummaryJson(client.serverUrl, overwrite.mode, summary), null, 2)}\n`,
        );
      } else {
        context.output(formatPushSummary(summary));
      }
      for (const failed of summary.failed) {
        logger.error(
          `${failed.packageId} ${failed.version} was not pushed: ${failed.error?.message ?? "unknown error"} ${failed.error?.hint ?? ""}`.trim(),
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

function dryRunPlan(
  connection: Connection | undefined,
  packages: PackageTarget[],
  overwriteMode: OverwriteMode,
  buildInformation: BuildInformation,
) {
  const space = connection?.space;
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

function checkOctoCompatibility({ values, positionals }: CommandContext): void {
  const subcommand = positionals[0];
  if (subcommand !== undefined && subcommand !== "upload" && subcommand !== "push") {
    throw new BuildInfoError(
      "E_USAGE",
      `Unexpected argument '${subcommand}' for 'buildinfo build-information'.`,
      {
        hint: "Only 'upload' (or 'push') may follow build-information, as in the Octopus CLI.",
        source: subcommand,
      },
    );
  }
  if (flag(values, "ignoreSslErrors")) {
    throw new BuildInfoError(
      "E_USAGE",
      "--ignoreSslErrors is not supported: TLS certificates are always verified.",
      {
        hint: "Trust your server's certificate authority with NODE_EXTRA_CA_CERTS=/path/to/ca.pem instead.",
        source: "--ignoreSslErrors",
      },
    );
  }
}
