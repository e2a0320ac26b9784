import type { Adapter, Environment } from "@buildinfo/core";
import { detectionOrder, fallbackAdapter } from "./registry";

export interface Detection {
  adapter: Adapter;
  /** How the adapter was chosen, for the log. */
  reason: string;
  /** Set when several servers' markers were present. */
  warning?: string;
}

/** The first server in `detectionOrder` whose markers are present, else the local checkout. */
export function detectAdapter(env: Environment): Detection {
  const detected = detectionOrder.filter((adapter) => adapter.detect(env));
  const [first, ...others] = detected;
  if (first === undefined) {
    return { adapter: fallbackAdapter, reason: "no build server detected; reading the local git checkout" };
  }
  if (others.length === 0) return { adapter: first, reason: `detected ${first.displayName}` };
  const names = detected.map((adapter) => adapter.displayName).join(", ");
  return {
    adapter: first,
    reason: `detected ${first.displayName}`,
    warning:
      `The environment has the markers of several build servers (${names}); using ${first.displayName}, ` +
      `the first in the detection order. Pass --from ${others.map((adapter) => adapter.id).join("|")} to choose another.`,
  };
}
