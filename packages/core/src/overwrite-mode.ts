import type { OverwriteMode } from "./build-information";
import { describeValue, fromSource } from "./describe-value";
import { BuildInfoError } from "./errors";

/** Each mode's short spellings (octo's and the Go CLI's); the mode's own name is accepted too. */
const aliases: Readonly<Record<OverwriteMode, readonly string[]>> = {
  FailIfExists: ["fail"],
  IgnoreIfExists: ["ignore"],
  OverwriteExisting: ["overwrite", "replace"],
};

/** Every accepted spelling, the modes first (for help and shell completion). */
export const overwriteModeSpellings: readonly string[] = [
  ...Object.keys(aliases),
  ...Object.values(aliases).flat(),
];

const spellings: ReadonlyMap<string, OverwriteMode> = new Map(
  (Object.entries(aliases) as [OverwriteMode, readonly string[]][]).flatMap(([mode, names]) =>
    [mode, ...names].map((name) => [name.toLowerCase(), mode] as const),
  ),
);

/** The overwrite mode in octo's or the Go CLI's spelling, case-insensitive; none given is FailIfExists. */
export function parseOverwriteMode(raw: string | undefined, source: string): OverwriteMode {
  const value = raw?.trim() ?? "";
  if (value === "") return "FailIfExists";
  const mode = spellings.get(value.toLowerCase());
  if (mode) return mode;
  throw new BuildInfoError(
    "E_USAGE",
    `Unknown overwrite mode ${describeValue(value)}${fromSource(source)}. Accepted values: FailIfExists, IgnoreIfExists, OverwriteExisting (or fail, ignore, overwrite, replace).`,
    { hint: "Use FailIfExists, IgnoreIfExists or OverwriteExisting.", source },
  );
}
