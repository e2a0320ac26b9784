import type { Degradation } from "@buildinfo/collect";
import type { OverwriteMode, WorkItemResult } from "@buildinfo/core";
import type { PackagePushResult, PushSummary, SpaceRef } from "@buildinfo/octopus";
import { describeSpace, displayLine } from "./display-text";
import { checkWorkItems, workItemCheckLines } from "./push-work-items";

/** The work items the preview expects of this build (`expectedWorkItems`), checked against each answer. */
type Expected = { items: WorkItemResult[]; assumed: boolean };

/** The work items expected of each package's build information (they differ with `--since-deployed`). */
export type ExpectedOf = (packageId: string) => Expected;

/**
 * The summary for build logs, written as the push goes: a header, one line per package with its outcome,
 * Octopus id and UI link as soon as it is known (completion order), then the totals.
 */
export function pushProgressLines(
  packages: readonly { packageId: string; version: string }[],
  expected: ExpectedOf,
) {
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
      // How a lost or failed answer was checked by reading the record back, and what Octopus made of the
      // work items against what the preview expected, under its line.
      const under = [
        ...(result.note === undefined ? [] : [result.note]),
        ...(result.record === undefined
          ? []
          : workItemCheckLines(checkWorkItems(expected(result.packageId), result.record))),
      ];
      return `${text.trimEnd()}\n${under.map((line) => `      ${line}\n`).join("")}`;
    },
    totals(summary: PushSummary): string {
      const pushed = summary.results.length - summary.failed.length;
      return `${pushed} of ${summary.results.length} pushed${summary.failed.length === 0 ? "." : `, ${summary.failed.length} failed.`}\n`;
    },
  };
}

/** The `--json` form of the summary, stable for scripts. */
export function pushSummaryJson(
  server: string,
  overwriteMode: OverwriteMode,
  summary: PushSummary,
  expected: ExpectedOf,
  incompleteOf: (packageId: string) => readonly Degradation[],
) {
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
      workItems:
        result.record === undefined ? null : checkWorkItems(expected(result.packageId), result.record),
      // What the build server or the checkout could not give: the commits sent are what was certain.
      incomplete: incompleteOf(result.packageId).map(({ code, what, reason, fix }) => ({
        code,
        what,
        reason,
        fix,
      })),
      error:
        result.error === undefined
          ? null
          : { code: result.error.code, message: result.error.message, hint: result.error.hint },
    })),
  };
}
