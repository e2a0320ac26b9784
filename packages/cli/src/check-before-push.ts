import { BuildInfoError } from "@buildinfo/core";
import type { OctopusClient, PushGuardRequest } from "@buildinfo/octopus";
import type { CommandContext } from "./run-command";

/**
 * The `--project` checks of a push (docs/since-deployed.md#guards-build-information-octopus-will-never-show):
 * each finding a warning, or with `--strict` an error (exit 2) before anything is sent. What could not be
 * read is said and does not stop the push.
 */
export async function checkBeforePush(
  context: CommandContext,
  client: OctopusClient,
  request: PushGuardRequest,
): Promise<void> {
  const { logger, settings } = context;
  await logger.group(`Checking the push against project ${request.project}`, async () => {
    const report = await client.checkBeforePush(request);
    for (const line of report.notChecked) logger.warn(`not checked: ${line}`);
    const [first, ...others] = report.findings;
    if (first === undefined) {
      logger.info(
        report.notChecked.length === 0
          ? `project ${request.project}: no release uses these package versions yet, and the ids match`
          : `project ${request.project}: nothing found in what could be read`,
      );
      return;
    }
    if (settings.values.strict) {
      for (const finding of others)
        logger.error(`${finding.message} ${finding.hint}`, { code: finding.code });
      throw new BuildInfoError(first.code, first.message, { hint: first.hint, source: "--project" });
    }
    for (const finding of report.findings) {
      logger.warn(`${finding.message} ${finding.hint} (Pass --strict to fail instead.)`, {
        code: finding.code,
      });
    }
  });
}
