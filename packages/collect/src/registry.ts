import {
  type AdapterManifest,
  BuildInfoError,
  didYouMean,
  type Environment,
  isDetected,
  rerunOf,
} from "@buildinfo/core";
import { registeredManifests } from "./registered-manifests";

/**
 * The one list of build servers, one line each, in detection order (CONTRIBUTING.md: a new server is
 * its adapters/<id> folder and its line here, then `npm run generate`). Hosted servers that set one
 * unambiguous marker for every job come first; Jenkins comes last because its variables are generic
 * (`BUILD_URL` is also set by TeamCity) and `JENKINS_URL` often leaks into agents and containers that
 * other servers then run; `git`, the local checkout, is the fallback and never detected.
 */
export const registryIds = [
  "github-actions",
  "azure-devops",
  "gitlab",
  "bitbucket-pipelines",
  "appveyor",
  "teamcity",
  "bamboo",
  "continua-ci",
  "jenkins",
  "git",
] as const;

/** Every build server's manifest, in detection order with the fallback last. */
export const manifests: readonly AdapterManifest[] = registryIds.map((id) => registeredManifests[id]);

/** The servers detection chooses from, in order; the fallback (no markers) is not among them. */
export const detectionOrder: readonly AdapterManifest[] = manifests.filter(
  (manifest) => manifest.detectWhen.length > 0,
);

/** The local checkout: used when no server is detected. */
export const fallbackManifest: AdapterManifest = registeredManifests.git;

/** The manifest of a `--from` id (any case); an unknown id is a usage error naming the known ones. */
export function manifestById(id: string, source = "--from"): AdapterManifest {
  const found = manifests.find((manifest) => manifest.id === id.trim().toLowerCase());
  if (found === undefined) {
    const ids = manifests.map((manifest) => manifest.id);
    throw new BuildInfoError("E_USAGE", `Unknown adapter '${id}' (from ${source}).`, {
      hint: `${didYouMean(id.trim(), ids)}Use one of: ${ids.join(", ")}.`,
      source,
    });
  }
  return found;
}

/** `NAME=value` when a registered server says this run is a re-run of an earlier attempt. */
export function rerunMarker(env: Environment): string | undefined {
  for (const manifest of manifests) {
    const marker = rerunOf(manifest, env);
    if (marker !== undefined) return marker;
  }
  return undefined;
}

/** The manifests whose markers `env` carries, in detection order. */
export function detectedManifests(env: Environment): AdapterManifest[] {
  return detectionOrder.filter((manifest) => isDetected(manifest, env));
}
