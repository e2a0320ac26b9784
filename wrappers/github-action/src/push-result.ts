import type { StepSummaryPackage } from "./step-summary";

/**
 * The per-package results of `buildinfo push --json` (its `results[]`), for the summary; when the
 * output cannot be read, each package gets the overall result of the exit code.
 */
export function readPushResult(
  stdout: string,
  packages: readonly string[],
  version: string | undefined,
  exitCode: number,
): StepSummaryPackage[] {
  const results = parseResults(stdout);
  if (results !== undefined) return results;
  return packages.map((packageId) => ({
    packageId,
    version: version ?? "",
    outcome: exitCode === 0 ? "pushed" : undefined,
    message: exitCode === 0 ? undefined : `buildinfo exited with ${exitCode}; see the log`,
  }));
}

function parseResults(stdout: string): StepSummaryPackage[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  const results = (parsed as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return undefined;
  return results.map((entry: Record<string, unknown>) => {
    const error = entry.error as { message?: unknown } | string | undefined;
    const message =
      typeof error === "string" ? error : typeof error?.message === "string" ? error.message : undefined;
    return {
      packageId: String(entry.packageId ?? ""),
      version: String(entry.version ?? ""),
      outcome: typeof entry.outcome === "string" ? entry.outcome : undefined,
      message,
      link: typeof entry.link === "string" ? entry.link : undefined,
    };
  });
}
