/** The core's default commit cap (`defaultCommitCap`); a test keeps the two equal. */
export const earlyDefaultCommitCap = 10_000;

export interface EarlyGitRange {
  since: string;
  maxCount: number;
}

function optionValue(args: readonly string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  const arg = args[index]!;
  return arg === name ? args[index + 1] : arg.slice(name.length + 1);
}

/**
 * The range `collect`/`push --from git --since REV` will read, found from the raw arguments before
 * anything else is loaded; undefined for any other command line (the full parser judges it later).
 */
export function earlyGitRange(
  command: string | undefined,
  args: readonly string[],
): EarlyGitRange | undefined {
  if (command !== "collect" && command !== "push" && command !== "build-information") return undefined;
  if (optionValue(args, "--from") !== "git" || optionValue(args, "--file") !== undefined) return undefined;
  const since = optionValue(args, "--since")?.trim();
  const cap = Number(optionValue(args, "--commit-cap") ?? earlyDefaultCommitCap);
  // A cap below 1 is refused by the full parser; git would read `--max-count=0` or less as no limit.
  if (since === undefined || since === "" || since.startsWith("-") || !Number.isSafeInteger(cap) || cap < 1)
    return undefined;
  // The reader asks for one past the cap, to warn that the history was longer.
  return { since, maxCount: cap + 1 };
}
