import { type Environment, type EnvValue, firstEnv } from "@buildinfo/core";

export interface BambooRepository {
  revision: EnvValue | undefined;
  previousRevision: EnvValue | undefined;
  repositoryUrl: EnvValue | undefined;
  branch: EnvValue | undefined;
  /** Bamboo's repository type key (`bbCloud`, `gitv2`, `svnv2`, …), passed raw to the core. */
  type: EnvValue | undefined;
}

/**
 * The plan repository variables (`bamboo_planRepository_[N_]<field>`): the given repository position,
 * else the plan's first repository (unnumbered, then `_1_`, then the legacy `bamboo_repository_*` names).
 */
export function readBambooRepository(env: Environment, position?: string): BambooRepository {
  const variable = (field: string, legacy: string[] = []) =>
    firstEnv(
      env,
      position
        ? [`bamboo_planRepository_${position}_${field}`]
        : [`bamboo_planRepository_${field}`, `bamboo_planRepository_1_${field}`, ...legacy],
    );
  // A pull-request build: the source branch, as for Jenkins' CHANGE_BRANCH.
  const pullRequestBranch = env.bamboo_repository_pr_key
    ? firstEnv(env, ["bamboo_repository_pr_sourceBranch"])
    : undefined;
  return {
    revision: variable("revision", ["bamboo_repository_revision_number"]),
    previousRevision: variable("previousRevision", ["bamboo_repository_previous_revision_number"]),
    repositoryUrl: variable("repositoryUrl"),
    branch:
      pullRequestBranch ?? variable("branchName", ["bamboo_repository_branch_name"]) ?? variable("branch"),
    type: variable("type"),
  };
}
