import { BuildInfoError, type EnvValue } from "@buildinfo/core";
import type { TeamCityParameters } from "./teamcity-parameters";

export interface TeamCityVcsRoot {
  /** The root's external id (`Shop_HttpsGithubComAcmeShopWeb`); undefined for the single-root `vcsroot.*` form. */
  id: string | undefined;
  url: EnvValue | undefined;
  vcsName: EnvValue | undefined;
  branch: EnvValue | undefined;
}

const perRootKey = /^vcsroot\.([^.]+)\.(?:url|vcsName|branch|tfs-url)$/;

function rootParameter(
  parameters: TeamCityParameters,
  id: string | undefined,
  name: string,
): EnvValue | undefined {
  return parameters.get(id === undefined ? `vcsroot.${name}` : `vcsroot.${id}.${name}`);
}

function toRoot(parameters: TeamCityParameters, id: string | undefined): TeamCityVcsRoot {
  return {
    id,
    // A TFVC root (`vcsName` tfs) has no `url`; its collection URL is `tfs-url`.
    url: rootParameter(parameters, id, "url") ?? rootParameter(parameters, id, "tfs-url"),
    vcsName: rootParameter(parameters, id, "vcsName"),
    branch: rootParameter(parameters, id, "branch"),
  };
}

/** Every VCS root of the build, from `vcsroot.<id>.*` (any number of roots), else the single-root `vcsroot.*`. */
export function listVcsRoots(parameters: TeamCityParameters): TeamCityVcsRoot[] {
  const ids = new Set<string>();
  for (const name of parameters.names()) {
    const match = perRootKey.exec(name);
    if (match) ids.add(match[1]!);
  }
  if (ids.size > 0) return [...ids].sort().map((id) => toRoot(parameters, id));
  const single = toRoot(parameters, undefined);
  return single.url || single.vcsName ? [single] : [];
}

/** The root named by `--vcs-root-id`; a name that is not among the build's roots is an input error. */
export function findVcsRoot(roots: TeamCityVcsRoot[], id: string): TeamCityVcsRoot {
  const root = roots.find((candidate) => candidate.id === id);
  if (root) return root;
  const known = roots.flatMap((candidate) => candidate.id ?? []);
  throw new BuildInfoError("E_VCS_ROOT_NOT_FOUND", `The build has no VCS root with id "${id}".`, {
    hint:
      known.length === 0
        ? "The build's parameters list no per-root vcsroot.<id>.url; omit --vcs-root-id."
        : `Use one of: ${known.join(", ")}.`,
    source: "--vcs-root-id",
  });
}
