import type { CommitRange, GitRunner } from "@buildinfo/core";

/**
 * The range a local run reports, with no build server to say what the previous build was:
 * `--since REV` when given; else everything since the newest tag behind HEAD (when HEAD itself
 * is tagged, the tag before it, so a release build lists the release's commits); else the whole
 * history of HEAD, which the core caps.
 */
export async function localCommitRange(
  git: GitRunner,
  head: string,
  since: string | undefined,
): Promise<CommitRange> {
  if (since !== undefined && since.trim() !== "") {
    return { from: since.trim(), to: head, source: `${since.trim()}..HEAD (--since)` };
  }
  const tag = await previousTag(git, head);
  if (tag !== undefined) return { from: tag.commit, to: head, source: `${tag.name}..HEAD (last tag)` };
  return { to: head, source: "HEAD (no --since and no tag)" };
}

async function previousTag(
  git: GitRunner,
  head: string,
): Promise<{ name: string; commit: string } | undefined> {
  const nearest = await describeTag(git, head);
  if (nearest === undefined || nearest.commit !== head) return nearest;
  return describeTag(git, `${head}^`);
}

async function describeTag(
  git: GitRunner,
  revision: string,
): Promise<{ name: string; commit: string } | undefined> {
  const described = await git.run(["describe", "--tags", "--abbrev=0", "--end-of-options", revision]);
  const name = described.stdout.toString("utf8").trim();
  if (described.exitCode !== 0 || name === "") return undefined;
  const resolved = await git.run(["rev-parse", "--verify", "--quiet", `refs/tags/${name}^{commit}`]);
  const commit = resolved.stdout.toString("utf8").trim();
  return resolved.exitCode === 0 && commit !== "" ? { name, commit } : undefined;
}
