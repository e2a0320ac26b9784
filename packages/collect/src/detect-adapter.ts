import type { AdapterManifest, Environment } from "@buildinfo/core";
import { detectedManifests, fallbackManifest } from "./registry";

export interface Detection {
  manifest: AdapterManifest;
  /** How the server was chosen, for the log. */
  reason: string;
  /** Set when several servers' markers were present. */
  warning?: string;
}

/** The first server in the detection order whose markers are present, else the local checkout. */
export function detectAdapter(env: Environment): Detection {
  const detected = detectedManifests(env);
  const [first, ...others] = detected;
  if (first === undefined) {
    return { manifest: fallbackManifest, reason: "no build server detected; reading the local git checkout" };
  }
  if (others.length === 0) return { manifest: first, reason: `detected ${first.displayName}` };
  const names = detected.map((manifest) => manifest.displayName).join(", ");
  return {
    manifest: first,
    reason: `detected ${first.displayName}`,
    warning:
      `The environment has the markers of several build servers (${names}); using ${first.displayName}, ` +
      `the first in the detection order. Pass --from ${others.map((manifest) => manifest.id).join("|")} to choose another.`,
  };
}
