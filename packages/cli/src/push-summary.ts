import type { OverwriteMode } from "@buildinfo/core";
import type { PackagePushResult, PushSummary, SpaceRef } from "@buildinfo/octopus";
import { describeSpace, displayLine } from "./display-text";

/**
 * The summary for build logs, written as the push goes: a header, one line per package with its outcome,
 * Octopus id and UI link as soon as it is known (completion order), then the totals.
 */
export function pushProgressLines(packages: readonly { packageId: string; version: string }[]) {
  const width = Math.max(...packages.map((target) => `${target.packageId} ${target.version}`.length));
  const plural = packages.length === 1 ? "" : "s";
  return {
    header: (space: SpaceRef) =>
      `Build information for ${packages.length} package${plural} in space ${describeSpace(space)}:\n`,
    line(result: PackagePushResult): string {
      const name = `${result.packageId} ${result.version}`.padEnd(width);
      const text = result.ok
        ? `  ${result.outcome.padEnd(11)} ${name}  ${displayLine(result.recordId)}  ${displayLine(result.link)}`
        : `  ${"FAILED".padEnd(11)} ${name}  ${result.error?.code ?? ""} ${result.error?.message ?? ""}`;
      // How a lost or failed answer was checked by reading the record back, under its line.
      return `${text.trimEnd()}\n${result.note === undefined ? "" : `      ${result.note}\n`}`;
    },
    totals(summary: PushSummary): string {
      const pushed = summary.results.length - summary.failed.length;
      return `${pushed} of ${summary.results.length} pushed${summary.failed.length === 0 ? "." : `, ${summary.failed.length} failed.`}\n`;
    },
  };
}

/** The `--json` form of the summary, stable for scripts. */
export function pushSummaryJson(server: string, overwriteMode: OverwriteMode, summary: PushSummary) {
  return {
    server,
    space: summary.space,
    overwriteMode,
    pushed: summary.results.length - summary.failed.length,
    failed: summary.failed.length,
    results: summary.results.map((result) => ({
      packageId: result.packageId,
      version: result.version,
      ok: result.ok,
      outcome: result.outcome,
      recordId: result.recordId ?? null,
      link: result.link ?? null,
      note: result.note ?? null,
      error:
        result.error === undefined
          ? null
          : { code: result.error.code, message: result.error.message, hint: result.error.hint },
    })),
  };
}
