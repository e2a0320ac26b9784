// The two flags the entry answers itself, before any command (or the option table's parser) loads.

/** `--help` or `-h`: anywhere after a command, that command's help. */
export function isHelpFlag(arg: string | undefined): boolean {
  return arg === "--help" || arg === "-h";
}

/** `--version` or `-V`, as the first argument. */
export function isVersionFlag(arg: string | undefined): boolean {
  return arg === "--version" || arg === "-V";
}
