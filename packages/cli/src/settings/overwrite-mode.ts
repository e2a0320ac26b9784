import { rerunMarker } from "@buildinfo/collect";
import { type Environment, type OverwriteMode, parseOverwriteMode } from "@buildinfo/core";

interface OverwriteChoice {
  mode: OverwriteMode;
  /** Why this mode, when the user did not choose it. */
  reason?: string;
}

/**
 * The mode the user asked for, else FailIfExists — except on a CI re-run, where the record of the
 * first attempt is probably there already (each manifest's `rerun` marker says): then IgnoreIfExists,
 * as the official GitHub Action and Azure DevOps task do.
 */
export function resolveOverwriteMode(
  raw: string | undefined,
  source: string | undefined,
  env: Environment,
): OverwriteChoice {
  if (raw !== undefined) return { mode: parseOverwriteMode(raw, source ?? "--overwrite-mode") };
  const rerun = rerunMarker(env);
  if (rerun === undefined) return { mode: "FailIfExists" };
  return {
    mode: "IgnoreIfExists",
    reason: `${rerun} says this is a re-run: using --overwrite-mode IgnoreIfExists (pass --overwrite-mode to choose).`,
  };
}
