import {
  type BuildInformationDraft,
  type Collector,
  collectFromEnv,
  draftFromEnvValues,
  type Environment,
  type EnvValue,
  firstEnv,
  selectCommits,
} from "@buildinfo/core";
import { manifest } from "./manifest";

/**
 * The variables the user sets on the action from Continua expressions, because Continua does not put
 * them into the environment itself (docs/reference/servers/continua-ci.md): see docs/continua-ci.md.
 */
const continuaInputs = {
  buildUrl: "CONTINUA_BUILD_URL",
  vcsRoot: "CONTINUA_VCS_ROOT",
  vcsType: "CONTINUA_VCS_TYPE",
  branch: "CONTINUA_BRANCH",
} as const;

/** The build's information from its environment variables alone. */
export const collect: Collector = collectFromEnv(collectContinua);

function collectContinua(env: Environment): BuildInformationDraft {
  const warnings: string[] = [];
  const buildUrl = firstEnv(env, [continuaInputs.buildUrl]);
  if (buildUrl === undefined) {
    warnings.push(
      `${continuaInputs.buildUrl} is not set, so the build has no link in Octopus: set it to $Build.LinkUrl$ on ` +
        "the action (or pass --build-url $Build.LinkUrl$).",
    );
  }
  const vcsRoot = firstEnv(env, [continuaInputs.vcsRoot]);
  if (vcsRoot === undefined) {
    warnings.push(
      `${continuaInputs.vcsRoot} is not set, so Octopus cannot link commits: set it to the repository's URL on ` +
        "the action (or pass --vcs-root).",
    );
  }
  const head = firstEnv(env, ["ContinuaCI.Build.LatestChangeset.Revision"]);
  return draftFromEnvValues(
    manifest.displayName,
    {
      buildNumber: firstEnv(env, ["ContinuaCI.Build.BuildNumber"]),
      buildUrl,
      branch: firstEnv(env, [
        continuaInputs.branch,
        "ContinuaCI.Build.LatestChangeset.Branch",
        "ContinuaCI.Build.TriggeringBranch",
      ]),
      vcsType: firstEnv(env, [continuaInputs.vcsType]),
      vcsRoot,
      vcsCommitNumber: head,
    },
    selectCommits({ server: "Continua CI", head, bases: [changesetsBase(env, head)] }),
    warnings,
  );
}

/** `<latest>~<ChangesetCount>`: the commit before the build's changesets when they are one line of history. */
function changesetsBase(env: Environment, head: EnvValue | undefined): EnvValue | undefined {
  const count = firstEnv(env, ["ContinuaCI.Build.ChangesetCount"]);
  if (head === undefined || count === undefined || !/^[1-9]\d*$/.test(count.value.trim())) return undefined;
  return { value: `${head.value.trim()}~${count.value.trim()}`, source: `${head.source}~${count.source}` };
}
