import type { EnvValue } from "./first-env";

/**
 * The ref a build ran for, from servers that give a tag and a branch as short names: a tag becomes
 * `refs/tags/<tag>` (the form the core keeps whole, as GitHub and Azure DevOps report tags), else the
 * branch as given. The tag wins because some servers also put the tag name into their branch variable.
 */
export function tagOrBranch(tag: EnvValue | undefined, branch: EnvValue | undefined): EnvValue | undefined {
  if (tag !== undefined) return { value: `refs/tags/${tag.value.trim()}`, source: tag.source };
  return branch;
}
