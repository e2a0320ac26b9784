import type { Environment } from "../adapter";

export interface EnvValue {
  value: string;
  /** The name of the variable the value came from, for `sources`. */
  source: string;
}

/** The first of `names` that is set to a non-blank value, with its name as the source. */
export function firstEnv(env: Environment, names: readonly string[]): EnvValue | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return { value, source: name };
  }
  return undefined;
}
