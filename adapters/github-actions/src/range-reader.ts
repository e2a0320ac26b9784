import type { RangeReader } from "@buildinfo/core";
import { compareCommits } from "./compare-commits";
import { GITHUB_API_FIX, githubApiAccess } from "./github-api";

/**
 * `from..to` through GitHub's compare API (`from...to` there: the commits reachable from `to` and not from
 * `from`, which is `from..to` when `from` is an ancestor). A `diverged` comparison means `from` is not an
 * ancestor: history was rewritten. docs/reference/servers/github-actions.md#compare-api
 */
export const readRange: RangeReader = async (context, { from, to }) => {
  const access = githubApiAccess(context.env);
  if (access === undefined) return undefined;
  const source = `GitHub compare API ${from}...${to}`;
  const comparison = await context.fromServer(
    { what: `the commits ${from}...${to} from the GitHub compare API`, fix: GITHUB_API_FIX },
    () =>
      compareCommits(context.http, { ...access, base: from, head: to, maxCommits: context.limits.commits }),
  );
  if (comparison === undefined) return undefined;
  if (comparison.status === "diverged") return { status: "not-ancestor", source };
  return { status: "read", commits: comparison.commits, source };
};
