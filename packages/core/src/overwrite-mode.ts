import type { OverwriteMode } from "./build-information";
import { describeValue, fromSource } from "./describe-value";
import { BuildInfoError } from "./errors";

const spellings: ReadonlyMap<string, OverwriteMode> = new Map<string, OverwriteMode>([
  ["failifexists", "FailIfExists"],
  ["fail", "FailIfExists"],
  ["ignoreifexists", "IgnoreIfExists"],
  ["ignore", "IgnoreIfExists"],
  ["overwriteexisting", "OverwriteExisting"],
  ["overwrite", "OverwriteExisting"],
  ["replace", "OverwriteExisting"],
]);

/** The overwrite mode in octo's or the Go CLI's spelling, case-insensitive; none given is FailIfExists. */
export function parseOverwriteMode(raw: string | undefined, source: string): OverwriteMode {
  const value = raw?.trim() ?? "";
  if (value === "") return "FailIfExists";
  const mode = spellings.get(value.toLowerCase());
  if (mode) return mode;
  throw new BuildInfoError(
    "E_USAGE",
    `Unknown overwrite mode ${describeValue(value)}${fromSource(source)}. Accepted values: FailIfExists, IgnoreIfExists, OverwriteExisting (or fail, ignore, overwrite, replace).`,
    { hint: "Pass --overwrite-mode FailIfExists, IgnoreIfExists or OverwriteExisting.", source },
  );
}
