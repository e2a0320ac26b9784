import {
  type Environment,
  escapeLogCommandsInJson,
  isBuildInfoError,
  neutraliseLogCommands,
} from "@buildinfo/core";
import { describeUnexpected } from "./describe-unexpected";
import { flagHint } from "./flag-hints";
import { type CliLogger, createCliLogger, type LogFormat } from "./logging/create-logger";
import type { CommandName, OptionDefinition } from "./settings/option-table";
import type { PositionalRule } from "./settings/parse-command-line";
import { knownSecrets, readSettings, type Settings } from "./settings/settings";

export interface CommandContext {
  /** The command line and environment, parsed and checked once. */
  settings: Settings;
  env: Environment;
  cwd: string;
  logger: CliLogger;
  /** Writes data to stdout, without any known secret. */
  output(text: string): void;
}

export interface CommandDefinition {
  positionals?: PositionalRule;
  /** The adapters' options this command also takes (the registry's, for collect and push). */
  adapterOptions?: readonly OptionDefinition[];
  /** Whether stdout will carry data (a JSON document), so nothing else may be written to it. */
  stdoutIsData(settings: Settings): boolean;
  /** The data on stdout is text (a shell script, a URL, Markdown), neutralised as text rather than escaped as JSON. */
  stdoutIsText?: true | ((settings: Settings) => boolean);
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
  name: CommandName,
  args: string[],
  definition: CommandDefinition,
): Promise<number> {
  const env = process.env;
  let settings: Settings;
  let logger: CliLogger;
  let dataOnStdout = false;
  try {
    settings = readSettings(name, args, env, {
      positionals: definition.positionals ?? { min: 0, max: 0 },
      ...(definition.adapterOptions === undefined ? {} : { adapterOptions: definition.adapterOptions }),
    });
    dataOnStdout = definition.stdoutIsData(settings);
    logger = loggerFor(settings.log, dataOnStdout, settings.secrets);
  } catch (error) {
    // The command line itself is wrong: report it in plain text (stdout stays empty).
    reportError(loggerFor({ format: "text", verbose: false }, true, knownSecrets(env)), error);
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
    for (const notice of settings.notices) active.warn(notice);
    return await definition.body({
      settings,
      env,
      cwd: process.cwd(),
      logger: active,
      // stdout may be a build log: JSON keeps its data with `##`/`::` escaped, text is neutralised.
      output: (text) =>
        process.stdout.write(
          dataOnStdout && !stdoutIsText(definition, settings)
            ? escapeLogCommandsInJson(active.scrub(text))
            : neutraliseLogCommands(active.scrub(text)),
        ),
    });
  } catch (error) {
    reportError(active, error);
    return exitCodeFor(error);
  }
}

function stdoutIsText(definition: CommandDefinition, settings: Settings): boolean {
  const { stdoutIsText: isText } = definition;
  return typeof isText === "function" ? isText(settings) : isText === true;
}

/** A logger that writes as every command's does; with data on stdout, log commands go to stderr too. */
function loggerFor(
  settings: { format: LogFormat; verbose: boolean },
  dataOnStdout: boolean,
  secrets: string[],
): CliLogger {
  return createCliLogger({
    ...settings,
    env: process.env,
    secrets,
    writeLog: (text) => process.stderr.write(text),
    writeCommand: (text) => (dataOnStdout ? process.stderr.write(text) : process.stdout.write(text)),
    commandsOnStderr: dataOnStdout,
  });
}

/** A usage error found before any command ran (an unknown command), reported as every error is. */
export function reportUsageError(error: unknown): number {
  reportError(loggerFor({ format: "text", verbose: false }, true, knownSecrets(process.env)), error);
  return exitCodeFor(error);
}

function reportError(logger: CliLogger, error: unknown): void {
  if (isBuildInfoError(error)) {
    logger.error(`${error.message} ${flagHint(error)}`, { code: error.code });
    logger.failure(error.message);
    return;
  }
  logger.error(`unexpected failure: ${describeUnexpected(error)}`);
  logger.failure("buildinfo failed unexpectedly");
}
