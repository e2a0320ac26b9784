import type { ParseSpec } from "./parse-command-line";

/**
 * The spellings the Go CLI's flag parser (spf13/pflag) accepts that `node:util` parseArgs does not:
 * `-p=ID` (a short option's value after `=`) and `--no-prompt=true|false` (a boolean's explicit value;
 * `false` leaves the flag unset). Everything after `--` is left alone.
 */
export function pflagForms(args: readonly string[], options: ParseSpec): string[] {
  const out: string[] = [];
  for (const [index, arg] of args.entries()) {
    if (arg === "--") return [...out, ...args.slice(index)];
    const short = /^-([A-Za-z])=(.*)$/s.exec(arg);
    const shortIsString = Object.values(options).some((o) => o.short === short?.[1] && o.type === "string");
    if (short !== null && shortIsString) {
      out.push(`-${short[1]}`, short[2] ?? "");
      continue;
    }
    const long = /^--([^=]+)=(true|false)$/i.exec(arg);
    if (long !== null && options[long[1] ?? ""]?.type === "boolean") {
      if (long[2]?.toLowerCase() === "true") out.push(`--${long[1]}`);
      continue;
    }
    out.push(arg);
  }
  return out;
}
