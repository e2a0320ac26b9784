import type { CommitRange, GitRunner } from "@buildinfo/core";

/**
 * `X^..head` where X is a root commit (the first commit of a repository) names a parent that does not
 * exist, so git refuses it; the commits it means are the whole history of `head`. The range is returned
 * with no `from` then, and unchanged otherwise. Parents are read from the commit object itself, which
 * keeps them in a shallow clone, so a commit whose parent a shallow clone left out is not taken for a root.
 */
export async function withoutRootParent(git: GitRunner, range: CommitRange): Promise<CommitRange> {
  const from = range.from?.trim();
  if (from === undefined || !from.endsWith("^")) return range;
  const child = from.slice(0, -1);
  const object = await git.run(["cat-file", "commit", "--end-of-options", child]);
  if (object.exitCode !== 0) return range;
  const headers = object.stdout.toString("utf8").split("\n\n", 1)[0] ?? "";
  if (/^parent /m.test(headers)) return range;
  return { to: range.to, source: range.source };
}
