import type { Environment } from "../adapter";

/** `NAME=n` when the variable `name` counts run attempts and this is attempt 2 or later. */
export function attemptMarker(env: Environment, name: string): string | undefined {
  const attempt = Number(env[name]);
  return Number.isInteger(attempt) && attempt > 1 ? `${name}=${attempt}` : undefined;
}
