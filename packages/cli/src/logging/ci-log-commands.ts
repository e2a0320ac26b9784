import { manifests } from "@buildinfo/collect";
import type { CiLogCommands, Environment } from "@buildinfo/core";

/** The log protocol of the build server running us: the first registered dialect active in `env`. */
export function detectCiLogCommands(env: Environment): CiLogCommands | undefined {
  return manifests.find((manifest) => manifest.logCommands?.active(env))?.logCommands;
}
