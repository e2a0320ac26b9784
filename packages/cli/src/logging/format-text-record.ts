/** One log record: the level as a label, the message, then fields (see create-logger). */
export interface LogRecord {
  level: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  msg?: string;
  time?: string;
  [field: string]: unknown;
}

const PREFIX: Record<LogRecord["level"], string> = {
  trace: "[buildinfo] trace: ",
  debug: "[buildinfo] debug: ",
  info: "[buildinfo] ",
  warn: "[buildinfo] warning: ",
  error: "[buildinfo] error: ",
  fatal: "[buildinfo] error: ",
};

/** A human-readable build-log line: level prefix, message, then any fields as `key=value`. */
export function formatTextRecord(record: LogRecord): string {
  const { level, msg, time: _time, ...fields } = record;
  const extra = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  return `${PREFIX[level] ?? "[buildinfo] "}${msg ?? ""}${extra.length === 0 ? "" : ` ${extra.join(" ")}`}`;
}
