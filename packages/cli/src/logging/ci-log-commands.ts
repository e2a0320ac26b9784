import { adapters } from "@buildinfo/collect";
import type { CiLogCommands, Environment } from "@buildinfo/core";

/** The log protocol of the build server running us: the first registered dialect active in `env`. */
export function detectCiLogCommands(env: Environment): CiLogCommands | undefined {
  for (const adapter of adapters.values()) {
    if (adapter.logCommands?.active(env)) return adapter.logCommands;
  }
  return undefined;
}
