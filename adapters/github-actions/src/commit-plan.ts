import type { RawCommit } from "@buildinfo/core";
import type { GitHubEventPayload } from "./event-payload";

/**
 * Where this run's commits come from:
 * - `payload`: the push event's own `commits[]` (complete only for an ordinary push to an existing branch);
 * - `compare`: the commits of `base...head` (the compare API with a token, else `git log base..head`);
 * - `head`: no range is known (tags, manual and scheduled runs on the default branch): the head commit.
 */
export type CommitPlan =
  | { kind: "payload"; commits: RawCommit[]; source: string }
  | { kind: "compare"; base: string; head: string; baseSource: string; headSource: string; reason: string }
  | { kind: "head"; head: string; reason: string };

interface CommitPlanInput {
  eventName: string | undefined;
  /** `GITHUB_SHA`. */
  sha: string;
  /** `GITHUB_REF`. */
  ref: string | undefined;
  payload: GitHubEventPayload;
}

/**
 * The push payload lists at most 20 commits inside Actions (docs/reference/servers/github-actions.md#commits-of-a-push): a push with 20 or more
 * may have been cut, so its range is read from the compare API instead.
 */
export const PUSH_PAYLOAD_COMMIT_LIMIT = 20;

const zeroSha = /^0+$/;

export function planCommits(input: CommitPlanInput): CommitPlan {
  const { payload, sha } = input;
  const pullRequest = payload.pull_request;
  if (pullRequest?.base?.sha && pullRequest.head?.sha) {
    return {
      kind: "compare",
      base: pullRequest.base.sha,
      head: pullRequest.head.sha,
      baseSource: "pull_request.base.sha",
      headSource: "pull_request.head.sha",
      reason: `pull request #${pullRequest.number ?? "?"}`,
    };
  }
  const mergeGroup = payload.merge_group;
  if (mergeGroup?.base_sha && mergeGroup.head_sha) {
    return {
      kind: "compare",
      base: mergeGroup.base_sha,
      head: mergeGroup.head_sha,
      baseSource: "merge_group.base_sha",
      headSource: "merge_group.head_sha",
      reason: "merge queue group",
    };
  }
  const ref = input.ref ?? payload.ref;
  if (ref?.startsWith("refs/tags/")) return { kind: "head", head: sha, reason: `tag ${ref}` };

  const defaultBranch = payload.repository?.default_branch;
  const isDefaultBranch = defaultBranch !== undefined && ref === `refs/heads/${defaultBranch}`;
  if (input.eventName === "push") {
    const commits = payload.commits ?? [];
    const head = payload.after && !zeroSha.test(payload.after) ? payload.after : sha;
    const before = payload.before;
    if (before === undefined || zeroSha.test(before)) {
      if (defaultBranch !== undefined && !isDefaultBranch) {
        return {
          kind: "compare",
          base: defaultBranch,
          head,
          baseSource: "repository.default_branch",
          headSource: "after",
          reason: "a new branch (before is all zeros)",
        };
      }
      return payloadPlan(commits);
    }
    if (payload.forced === true || commits.length >= PUSH_PAYLOAD_COMMIT_LIMIT) {
      return {
        kind: "compare",
        base: before,
        head,
        baseSource: "before",
        headSource: "after",
        reason:
          payload.forced === true ? "a forced push" : `a push listing ${commits.length} commits (maybe cut)`,
      };
    }
    return payloadPlan(commits);
  }
  if (defaultBranch !== undefined && ref?.startsWith("refs/heads/") && !isDefaultBranch) {
    return {
      kind: "compare",
      base: defaultBranch,
      head: sha,
      baseSource: "repository.default_branch",
      headSource: "GITHUB_SHA",
      reason: `a ${input.eventName ?? "non-push"} run on a branch`,
    };
  }
  return { kind: "head", head: sha, reason: `a ${input.eventName ?? "non-push"} run` };
}

function payloadPlan(commits: readonly { id: string; message: string }[]): CommitPlan {
  // The payload lists the pushed commits oldest first; build information lists newest first.
  const newestFirst = commits.map((commit) => ({ id: commit.id, comment: commit.message })).reverse();
  return { kind: "payload", commits: newestFirst, source: "GITHUB_EVENT_PATH commits[]" };
}
