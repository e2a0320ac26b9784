import type { OverwriteMode } from "@buildinfo/core";
import type { PushSummary } from "@buildinfo/octopus";

/** The summary for build logs: one line per package with its outcome, Octopus id and UI link. */
export function formatPushSummary(summary: PushSummary): string {
  const width = Math.max(...summary.results.map((result) => `${result.packageId} ${result.version}`.length));
  const lines = summary.results.map((result) => {
    const name = `${result.packageId} ${result.version}`.padEnd(width);
    if (result.ok)
      return `  ${result.outcome.padEnd(11)} ${name}  ${result.recordId ?? ""}  ${result.link ?? ""}`.trimEnd();
    return `  ${"FAILED".padEnd(11)} ${name}  ${result.error?.code ?? ""} ${result.error?.message ?? ""}`.trimEnd();
  });
  const pushed = summary.results.length - summary.failed.length;
  return [
    `Build information for ${summary.results.length} package${summary.results.length === 1 ? "" : "s"} in space ${summary.space.Name} (${summary.space.Id}):`,
    ...lines,
    `${pushed} of ${summary.results.length} pushed${summary.failed.length === 0 ? "." : `, ${summary.failed.length} failed.`}`,
    "",
  ].join("\n");
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
      error:
        result.error === undefined
          ? null
          : { code: result.error.code, message: result.error.message, hint: result.error.hint },
    })),
  };
}
