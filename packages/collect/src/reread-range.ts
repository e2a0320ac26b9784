import {
  type AdapterContext,
  type AdapterManifest,
  BuildInfoError,
  type BuildInformationDraft,
  type ErrorCode,
  type GitRunner,
  normalizeDraft,
  normalizeVcsType,
  type RangeReading,
} from "@buildinfo/core";
import { commitRelation } from "@buildinfo/git";
import type { CollectedBuildInformation } from "./collect-build-information";
import { type Degradation, DegradePolicy } from "./degrade-policy";

/** A commit the caller chose to read the build's commits from (exclusive), and where it comes from. */
export interface RangeFrom {
  /** The full commit id; the commits after it, up to the build's commit, are read. */
  commit: string;
  /** For messages: `release 1.4.0 (Releases-12) of Shop, deployed to Production by Deployments-40`. */
  source: string;
}

/** An adapter context on a budget of its own, and why the budget stopped a read, if it did. */
export interface BudgetedContext {
  context: AdapterContext;
  cut(): string | undefined;
}

/** What re-reading needs from the collection it starts from. */
export interface RereadInputs {
  /** The collection as it was, kept when the range cannot be read. */
  result: CollectedBuildInformation;
  /** The draft after overrides, before its commits were read. */
  draft: BuildInformationDraft;
  manifest: AdapterManifest;
  git: GitRunner;
  /** An adapter context, its API reads degrading by `policy`. */
  context(policy: DegradePolicy): BudgetedContext;
  strict: boolean;
  commitCap: number;
  /** Warnings about the collection itself (detection), kept before the new ones. */
  collectionWarnings: readonly string[];
}

interface RangeProblem {
  code: ErrorCode;
  reason: string;
  fix: string;
}

/**
 * The build's commits from `from.commit` to its head: through the server's API when the adapter reads
 * ranges there, else from the checkout (docs/since-deployed.md). When the checkout lacks the commit (a
 * shallow clone, a branch not fetched) or it is not an ancestor of the head (history rewritten), the
 * collection is kept as it was, with a warning naming the commit, where it comes from and the fix; with
 * `strict` that is an error (exit 2).
 */
export async function rereadRange(inputs: RereadInputs, from: RangeFrom): Promise<CollectedBuildInformation> {
  const { draft, manifest, git, result } = inputs;
  const start = from.commit.trim();
  const head = draft.vcsCommitNumber?.trim();
  if (!head || normalizeVcsType(draft.vcsType, draft.sources?.vcsType) !== "Git") {
    const why = head ? "it is not a Git build" : "the build names no commit";
    return {
      ...result,
      warnings: [
        ...result.warnings,
        `The commits since ${start} (${from.source}) cannot be read: ${why}. The build server's own range is sent.`,
      ],
    };
  }
  const policy = new DegradePolicy(manifest, inputs.strict);
  const reading = await readThroughServer(inputs, policy, start, head);
  let ranged: BuildInformationDraft;
  if (reading?.status === "read") {
    ranged = {
      ...draft,
      commits: reading.commits,
      commitRange: undefined,
      sources: { ...draft.sources, commits: `${reading.source} (since ${from.source})` },
    };
  } else {
    const problem =
      reading === undefined
        ? await checkoutProblem(inputs, from, start, head)
        : {
            code: "E_DEPLOYED_COMMIT_NOT_ANCESTOR" as const,
            reason:
              `${reading.source} says the commit ${start} of ${from.source} is not an ancestor of this build's ` +
              `commit ${head}: history was rewritten since that deployment (a force push or a rebase), or this ` +
              "build is of another line of history.",
            fix: "nothing to fetch; once a build of this history is deployed, its commit starts the range again.",
          };
    if (problem !== undefined) return keepOwnRange(inputs, from, start, problem);
    ranged = {
      ...draft,
      commits: undefined,
      commitRange: { from: start, to: head, source: `${start}..${head} (since ${from.source})` },
    };
  }
  const withCommits = await policy.resolveCommits(ranged, git, {
    maxCount: inputs.commitCap + 1,
    userRange: true,
  });
  const normalized = normalizeDraft(withCommits, { commitCap: inputs.commitCap });
  return {
    ...result,
    buildInformation: normalized.buildInformation,
    warnings: [...inputs.collectionWarnings, ...normalized.warnings],
    incomplete: policy.degradations,
    draft: withCommits,
  };
}

async function readThroughServer(
  inputs: RereadInputs,
  policy: DegradePolicy,
  from: string,
  to: string,
): Promise<RangeReading | undefined> {
  const load = inputs.manifest.loadRangeReader;
  if (load === undefined) return undefined;
  const read = await load();
  const budgeted = inputs.context(policy);
  const reading = await read(budgeted.context, { from, to });
  policy.recordCut(budgeted.cut());
  return reading;
}

/** Why the checkout cannot give `start..head`, or undefined when it can. */
async function checkoutProblem(
  inputs: RereadInputs,
  from: RangeFrom,
  start: string,
  head: string,
): Promise<RangeProblem | undefined> {
  const { relation, shallow } = await commitRelation(inputs.git, start, head);
  if (relation === "ancestor") return undefined;
  const server = inputs.manifest.displayName;
  const historyFix = `on ${server}: ${inputs.manifest.historyFix}`;
  if (shallow) {
    return {
      code: "E_DEPLOYED_COMMIT_MISSING",
      reason:
        `The commit ${start} of ${from.source} is ${relation === "missing" ? "not in this checkout" : "beyond the history of this checkout"}, ` +
        "which is a shallow clone, so the commits since it cannot be read.",
      fix: /unshallow/.test(historyFix)
        ? `${historyFix}.`
        : `${historyFix} (or \`git fetch --deepen=<N>\` / \`git fetch --unshallow\` before buildinfo runs).`,
    };
  }
  if (relation === "missing") {
    return {
      code: "E_DEPLOYED_COMMIT_MISSING",
      reason:
        `The commit ${start} of ${from.source} is not in this checkout, which is not shallow: it was never fetched ` +
        "(a branch this build does not fetch), or history was rewritten since that deployment (a force push).",
      fix: `fetch it (\`git fetch origin ${start}\`) before buildinfo runs, or ${historyFix}.`,
    };
  }
  return {
    code: "E_DEPLOYED_COMMIT_NOT_ANCESTOR",
    reason:
      `The commit ${start} of ${from.source} is not an ancestor of this build's commit ${head}: history was ` +
      "rewritten since that deployment (a force push or a rebase), or this build is of another line of history.",
    fix: "nothing to fetch; once a build of this history is deployed, its commit starts the range again.",
  };
}

/** The collection as it was, with the problem as a warning and an incomplete part; thrown with `strict`. */
function keepOwnRange(
  inputs: RereadInputs,
  from: RangeFrom,
  start: string,
  problem: RangeProblem,
): CollectedBuildInformation {
  if (inputs.strict) {
    throw new BuildInfoError(problem.code, problem.reason, {
      hint: `To fix: ${problem.fix}`,
      source: from.source,
    });
  }
  const { result } = inputs;
  const own = result.draft.sources?.commits ?? "as found";
  const degradation: Degradation = {
    code: problem.code,
    what: `the commits since ${start} (${from.source})`,
    reason: problem.reason,
    fix: problem.fix,
  };
  return {
    ...result,
    warnings: [
      ...result.warnings,
      `${problem.reason} The build server's own range is sent instead (${own}). To fix: ${problem.fix} ` +
        "(Pass --strict to fail instead.)",
    ],
    incomplete: [...result.incomplete, degradation],
  };
}
