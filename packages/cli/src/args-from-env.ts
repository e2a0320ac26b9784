// `buildinfo --args-from-env NAME`: the arguments come from the environment variable NAME, a JSON array
// of strings. A step that starts buildinfo through a shell (Jenkins's bat and sh, any script task) then
// runs one constant command line, and no value ever reaches the shell's parser: cmd.exe expands %VAR%
// and splits on & | < > before a program sees its line, and the program re-splits that line by
// CommandLineToArgvW's rules, so no quoting of values is safe there. Plain strings only: the entry
// point loads this for every run.

/** The flag, as the first argument; its value is the variable's name. */
export const argsFromEnvFlag = "--args-from-env";

/** The arguments to run, or why the variable cannot give them (a usage error: nothing was run). */
export type ArgsFromEnv = { args: string[] } | { problem: string; hint: string };

const hint =
  `Set it to a JSON array of strings, the arguments after 'buildinfo' (e.g. ["push","--package-id","Acme.Web"]), ` +
  `and run 'buildinfo ${argsFromEnvFlag} NAME' with nothing after NAME.`;

/**
 * The command line to run: `argv` itself, unless it is `--args-from-env NAME`, which is replaced by
 * the array in NAME. The value is never quoted in a message: it is data, and may be long.
 */
export function expandArgsFromEnv(argv: readonly string[], env: NodeJS.ProcessEnv): ArgsFromEnv {
  if (argv[0] !== argsFromEnvFlag) return { args: [...argv] };
  const [, name, ...extra] = argv;
  if (name === undefined || name === "" || name.startsWith("-")) {
    return { problem: `${argsFromEnvFlag} needs the name of an environment variable.`, hint };
  }
  if (extra.length > 0) {
    return { problem: `${argsFromEnvFlag} ${name} takes no further arguments (got ${extra.length}).`, hint };
  }
  const value = env[name];
  if (value === undefined || value.trim() === "") {
    return { problem: `${argsFromEnvFlag}: the environment variable ${name} is not set or empty.`, hint };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { problem: `${argsFromEnvFlag}: the environment variable ${name} is not valid JSON.`, hint };
  }
  if (!Array.isArray(parsed)) {
    return { problem: `${argsFromEnvFlag}: the environment variable ${name} is not a JSON array.`, hint };
  }
  const wrong = parsed.findIndex((item) => typeof item !== "string");
  if (wrong !== -1) {
    return {
      problem: `${argsFromEnvFlag}: item ${wrong} of the array in ${name} is ${describe(parsed[wrong])}, not a string.`,
      hint,
    };
  }
  if (parsed[0] === argsFromEnvFlag) {
    return {
      problem: `${argsFromEnvFlag}: the array in ${name} starts with ${argsFromEnvFlag} again.`,
      hint,
    };
  }
  return { args: parsed as string[] };
}

function describe(item: unknown): string {
  if (item === null) return "null";
  if (Array.isArray(item)) return "an array";
  return `a ${typeof item}`;
}
