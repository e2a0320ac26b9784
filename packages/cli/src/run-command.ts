import {
  type Environment,
  escapeLogCommandsInJson,
  isBuildInfoError,
  neutraliseLogCommands,
} from "@buildinfo/core";
import { type OptionSpec, type ParsedArgs, parseCommandArgs } from "./args";
import { describeUnexpected } from "./describe-unexpected";
import { type CliLogger, createCliLogger } from "./logging/create-logger";
import { knownSecrets } from "./settings/connection";
import { type LogSettings, logSettingsFromArgs } from "./settings/log-settings";

export interface CommandContext {
  values: ParsedArgs["values"];
  positionals: string[];
  env: Environment;
  cwd: string;
  logger: CliLogger;
  /** Writes data to stdout, without any known secret. */
  output(text: string): void;
}

export interface CommandDefinition {
  options: OptionSpec;
  positionals?: { min: number; max: number; name?: string };
  /** Whether stdout will carry data (a JSON document), so nothing else may be written to it. */
  stdoutIsData(values: ParsedArgs["values"]): boolean;
  /** The data on stdout is text (a shell script, a URL, Markdown), neutralised as text rather than escaped as JSON. */
  stdoutIsText?: true | ((values: ParsedArgs["values"]) => boolean);
  body(context: CommandContext): Promise<number>;
}

/** Exit codes of the CLI contract; a BuildInfoError exits with its catalogue entry's code (1 or 2). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;

function exitCodeFor(error: unknown): number {
  return isBuildInfoError(error) ? error.exitCode : EXIT_FAILED;
}

/**
 * Parses the arguments, sets up logging and maps every error to the contract's exit codes: input
 * errors (found before anything is sent) exit 2, server and network failures exit 1.
 */
export async function runCommand(
  name: string,
  args: string[],
  definition: CommandDefinition,
): Promise<number> {
  const env = process.env;
  const writeLog = (text: string) => process.stderr.write(text);
  const loggerFor = (settings: LogSettings, dataOnStdout: boolean, secrets: string[]) =>
    createCliLogger({
      ...settings,
      env,
      secrets,
      writeLog,
      writeCommand: (text) => (dataOnStdout ? process.stderr.write(text) : process.stdout.write(text)),
      commandsOnStderr: dataOnStdout,
    });
  let parsed: ParsedArgs;
  let logger: CliLogger;
  let dataOnStdout = false;
  try {
    parsed = parseCommandArgs(name, args, definition.options, definition.positionals ?? { min: 0, max: 0 });
    dataOnStdout = definition.stdoutIsData(parsed.values);
    logger = loggerFor(logSettingsFromArgs(parsed.values), dataOnStdout, knownSecrets(parsed.values, env));
  } catch (error) {
    // The command line itself is wrong: report it in plain text (stdout stays empty).
    reportError(loggerFor({ format: "text", verbose: false }, true, knownSecrets({}, env)), error);
    return exitCodeFor(error);
  }

  const active = logger;
  if (env.NODE_TLS_REJECT_UNAUTHORIZED === "0") {
    active.warn(
      "NODE_TLS_REJECT_UNAUTHORIZED=0 turns off TLS certificate checks for every request: anyone on the " +
        "network path can pose as the server and read the API key. Unset it and trust your CA with NODE_EXTRA_CA_CERTS.",
    );
  }
  try {
    return await definition.body({
      values: parsed.values,
      positionals: parsed.positionals,
      env,
      cwd: process.cwd(),
      logger: active,
      // stdout may be a build log: JSON keeps its data with `##`/`::` escaped, text is neutralised.
      output: (text) =>
        process.stdout.write(
          dataOnStdout && !stdoutIsText(definition, parsed.values)
            ? escapeLogCommandsInJson(active.scrub(text))
            : neutraliseLogCommands(active.scrub(text)),
        ),
    });
  } catch (error) {
    reportError(active, error);
    return exitCodeFor(error);
  }
}

function stdoutIsText(definition: CommandDefinition, values: ParsedArgs["values"]): boolean {
  const { stdoutIsText: isText } = definition;
  return typeof isText === "function" ? isText(values) : isText === true;
}

function reportError(logger: CliLogger, error: unknown): void {
  if (isBuildInfoError(error)) {
    logger.error(`${error.message} ${error.hint}`, { code: error.code });
    logger.failure(error.message);
    return;
  }
  logger.error(`unexpected failure: ${describeUnexpected(error)}`);
  logger.failure("buildinfo failed unexpectedly");
}
