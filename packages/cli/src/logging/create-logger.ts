import {
  type CiLogCommands,
  type Environment,
  escapeLogCommandsInJson,
  type Logger,
  neutraliseLogCommands,
  redactKnownSecrets,
  redactUrl,
  redactUrlUserinfo,
} from "@buildinfo/core";
import { pino } from "pino";
import { detectCiLogCommands } from "./ci-log-commands";
import { formatTextRecord, type LogRecord } from "./format-text-record";

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

const SENSITIVE_KEYS = ["apiKey", "accessToken", "token", "password", "authorization", "Authorization"];
const SENSITIVE_HEADERS = [
  "authorization",
  "Authorization",
  "x-octopus-apikey",
  "X-Octopus-ApiKey",
  "x-nuget-apikey",
];
const URL_KEYS = ["url", "serverUrl", "server", "vcsRoot", "buildUrl"];
const REDACTED = "[REDACTED]";

function redactPaths(): string[] {
  const keys = [...SENSITIVE_KEYS, ...URL_KEYS];
  const paths = keys.flatMap((key) => [key, `*.${key}`]);
  for (const header of SENSITIVE_HEADERS) paths.push(`headers["${header}"]`, `*.headers["${header}"]`);
  return paths;
}

function censor(value: unknown, path: string[]): unknown {
  const key = path[path.length - 1] ?? "";
  if (URL_KEYS.includes(key)) return typeof value === "string" ? redactUrl(value) : value;
  return REDACTED;
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

  const destination = {
    write(line: string): void {
      const record = JSON.parse(line) as LogRecord;
      const annotation =
        commands === undefined || typeof record.msg !== "string"
          ? undefined
          : record.level === "error"
            ? commands.error(neutraliseLogCommands(record.msg))
            : record.level === "warn"
              ? commands.warning(neutraliseLogCommands(record.msg))
              : undefined;
      if (options.format === "json") {
        options.writeLog(escapeLogCommandsInJson(scrubJsonLine(line)));
        if (annotation !== undefined) options.writeCommand(`${annotation}\n`);
        return;
      }
      // In a build server with a log protocol, a warning or error is written once, as its command.
      if (annotation !== undefined) options.writeCommand(`${annotation}\n`);
      else options.writeLog(`${neutraliseLogCommands(formatTextRecord(record))}\n`);
    },
  };

  const logger = pino(
    {
      level: options.verbose ? "debug" : "info",
      base: null,
      messageKey: "msg",
      timestamp: options.format === "json" ? pino.stdTimeFunctions.isoTime : false,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths(), censor },
    },
    destination,
  );

  const log =
    (level: "debug" | "info" | "warn" | "error") =>
    (message: string, fields?: Record<string, unknown>): void => {
      // Log lines also lose URL credentials (a clone URL with a token); data on stdout never changes.
      const text = redactUrlUserinfo(scrub(message));
      if (fields === undefined) logger[level](text);
      else logger[level](fields, text);
    };

  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    async group<T>(title: string, body: () => Promise<T>): Promise<T> {
      if (commands !== undefined) options.writeCommand(`${commands.startGroup(title)}\n`);
      else logger.debug(`${title}…`);
      try {
        return await body();
      } finally {
        if (commands !== undefined) options.writeCommand(`${commands.endGroup(title)}\n`);
      }
    },
    failure(summary: string): void {
      const command = commands?.failure(neutraliseLogCommands(scrub(summary)));
      if (command !== undefined) options.writeCommand(`${command}\n`);
    },
    scrub,
    addSecret(secret: string): void {
      if (secret.length >= 4) secrets.push(secret);
    },
  };
}
