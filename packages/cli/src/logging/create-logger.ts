import {
  type CiLogCommands,
  type Environment,
  escapeLogCommandsInJson,
  type Logger,
  neutraliseLogCommands,
  redactKnownSecrets,
  redactUrlUserinfo,
} from "@buildinfo/core";
import { detectCiLogCommands } from "./ci-log-commands";
import { formatTextRecord, type LogRecord } from "./format-text-record";
import { REDACTED, redactFields } from "./redact-fields";

export type LogFormat = "text" | "json";

export interface CliLoggerOptions {
  format: LogFormat;
  verbose: boolean;
  env: Environment;
  /** Values that must never be printed (the API key, the access token). */
  secrets: readonly string[];
  /** Where log lines go: stderr. */
  writeLog: (text: string) => void;
  /** Where build-server log commands go: stdout, unless stdout carries data. */
  writeCommand: (text: string) => void;
  /** True when `writeCommand` writes to stderr; then servers that read only stdout get plain lines. */
  commandsOnStderr?: boolean;
}

/** The logger every command uses: the core `Logger` plus errors, blocks and the CI failure marker. */
export interface CliLogger extends Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Reports the step as failed in the build server's own terms (TeamCity build problem, …). */
  failure(summary: string): void;
  /** Removes every known secret (the API key, tokens) from text meant for any output. */
  scrub(text: string): string;
  /** A secret learnt while running (an exchanged token), to be scrubbed from now on. */
  addSecret(secret: string): void;
}

export function createCliLogger(options: CliLoggerOptions): CliLogger {
  const secrets = options.secrets.filter((secret) => secret.length >= 4);
  const detected = detectCiLogCommands(options.env);
  const commands: CiLogCommands | undefined =
    detected !== undefined && (options.commandsOnStderr !== true || detected.readsStderr)
      ? detected
      : undefined;
  // Only the secrets we know are masked: build information itself is never rewritten by a pattern.
  const scrub = (text: string): string => redactKnownSecrets(text, secrets);
  const scrubJsonLine = (line: string): string => {
    let result = line;
    for (const secret of secrets) result = result.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED);
    return result;
  };

  const levels = ["debug", "info", "warn", "error"] as const;
  const lowest = options.verbose ? 0 : 1;

  // A hand-written record rather than a logging library: loading one costs more start-up time than
  // a short CLI run spends logging (docs/performance.md).
  const write = (record: LogRecord): void => {
    const annotation =
      commands === undefined || typeof record.msg !== "string"
        ? undefined
        : record.level === "error"
          ? commands.error(neutraliseLogCommands(record.msg))
          : record.level === "warn"
            ? commands.warning(neutraliseLogCommands(record.msg))
            : undefined;
    if (options.format === "json") {
      options.writeLog(`${escapeLogCommandsInJson(scrubJsonLine(JSON.stringify(record)))}\n`);
      if (annotation !== undefined) options.writeCommand(`${annotation}\n`);
      return;
    }
    // In a build server with a log protocol, a warning or error is written once, as its command.
    if (annotation !== undefined) options.writeCommand(`${annotation}\n`);
    else options.writeLog(`${neutraliseLogCommands(formatTextRecord(record))}\n`);
  };

  const log =
    (level: (typeof levels)[number]) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (levels.indexOf(level) < lowest) return;
      const time = options.format === "json" ? { time: new Date().toISOString() } : {};
      // Log lines also lose URL credentials (a clone URL with a token); data on stdout never changes.
      const msg = redactUrlUserinfo(scrub(message));
      write({ level, ...time, ...(fields === undefined ? {} : redactFields(fields)), msg });
    };
  const debug = log("debug");

  return {
    debug,
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    async group<T>(title: string, body: () => Promise<T>): Promise<T> {
      if (commands !== undefined) options.writeCommand(`${commands.startGroup(title)}\n`);
      else debug(`${title}…`);
      try {
        return await body();
      } finally {
        if (commands !== undefined) options.writeCommand(`${commands.endGroup(title)}\n`);
      }
    },
    failure(summary: string): void {
      const command = commands?.failure(neutraliseLogCommands(redactUrlUserinfo(scrub(summary))));
      if (command !== undefined) options.writeCommand(`${command}\n`);
    },
    scrub,
    addSecret(secret: string): void {
      if (secret.length >= 4) secrets.push(secret);
    },
  };
}
