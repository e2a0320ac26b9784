import {
  type Adapter,
  type AdapterContext,
  apiFailure,
  attemptMarker,
  type BuildInformationDraft,
  type CommitSelection,
  draftFromEnvValues,
  fillEnvTemplate,
  firstEnv,
  selectCommits,
} from "@buildinfo/core";
import { type CommitPlan, planCommits } from "./commit-plan";
import { compareCommits } from "./compare-commits";
import { readEventPayload } from "./event-payload";
import { fetchCommit } from "./fetch-commit";
import { githubLogCommands } from "./github-log-commands";

const GITHUB_ACTIONS_ENVIRONMENT = "GitHub Actions";

/**
 * GitHub Actions: the run's environment variables and event payload. Commits come from the push
 * payload when it is complete, else from the GitHub API (with `GITHUB_TOKEN`), else from the checkout.
 */
export const githubActionsAdapter: Adapter = {
  id: "github-actions",
  displayName: GITHUB_ACTIONS_ENVIRONMENT,
  detect: (env) => env.GITHUB_ACTIONS === "true",
  collect: collectGitHubActions,
  rerunMarker: (env) => attemptMarker(env, "GITHUB_RUN_ATTEMPT"),
  logCommands: githubLogCommands,
};

async function collectGitHubActions(context: AdapterContext): Promise<BuildInformationDraft> {
  const { env } = context;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? "1");
  if (attempt > 1) {
    context.logger.info(
      `Re-run attempt ${attempt}: the build URL names the run, not the attempt, so build information ` +
        "pushed by an earlier attempt already describes this build.",
    );
  }
  const sha = firstEnv(env, ["GITHUB_SHA"]);
  const values = {
    buildNumber: firstEnv(env, ["GITHUB_RUN_NUMBER"]),
    buildUrl: fillEnvTemplate(env, "{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}/actions/runs/{GITHUB_RUN_ID}"),
    // A pull request's own branch (GITHUB_HEAD_REF, set only for pull_request events) rather than
    // refs/pull/N/merge; otherwise the full ref, which the core shortens for branches and keeps for tags.
    branch: firstEnv(env, ["GITHUB_HEAD_REF", "GITHUB_REF", "GITHUB_REF_NAME"]),
    vcsType: { value: "Git", source: "GitHub Actions (always Git)" },
    vcsRoot: fillEnvTemplate(env, "{GITHUB_SERVER_URL}/{GITHUB_REPOSITORY}"),
    vcsCommitNumber: sha,
  };
  if (sha === undefined) {
    return draftFromEnvValues(GITHUB_ACTIONS_ENVIRONMENT, values, {
      warnings: ["GITHUB_SHA is not set, so no commits are sent."],
    });
  }
  const warnings: string[] = [];
  const payload = await readEventPayload(context, env.GITHUB_EVENT_PATH, warnings);
  const plan = planCommits({
    eventName: env.GITHUB_EVENT_NAME,
    sha: sha.value,
    ref: env.GITHUB_REF,
    payload,
  });
  return draftFromEnvValues(GITHUB_ACTIONS_ENVIRONMENT, values, await selectFor(plan, context), warnings);
}

async function selectFor(plan: CommitPlan, context: AdapterContext): Promise<CommitSelection> {
  if (plan.kind === "payload") return { commits: plan.commits, source: plan.source, warnings: [] };
  const { env, logger } = context;
  const token = firstEnv(env, ["GITHUB_TOKEN", "GH_TOKEN"])?.value;
  const apiUrl = env.GITHUB_API_URL;
  const repository = env.GITHUB_REPOSITORY;
  if (token === undefined || apiUrl === undefined || repository === undefined) {
    return fromCheckout(
      plan,
      `No GITHUB_TOKEN for the GitHub API, so the commits of ${plan.reason} are read from the checkout ` +
        "(actions/checkout needs `fetch-depth: 0` for that).",
    );
  }
  try {
    if (plan.kind === "compare") {
      logger.debug(
        `Reading the commits of ${plan.reason} from the compare API: ${plan.base}...${plan.head}.`,
      );
      const commits = await compareCommits(context.http, {
        apiUrl,
        repository,
        base: plan.base,
        head: plan.head,
        token,
      });
      return { commits, source: `GitHub compare API ${plan.baseSource}...${plan.headSource}`, warnings: [] };
    }
    logger.debug(
      `No commit range for ${plan.reason}: reading the head commit ${plan.head} from the GitHub API.`,
    );
    const commit = await fetchCommit(context.http, { apiUrl, repository, sha: plan.head, token });
    return { commits: [commit], source: "GitHub commits API GITHUB_SHA", warnings: [] };
  } catch (error) {
    return fromCheckout(plan, `${apiFailure(error).message} Reading the commits from the checkout instead.`);
  }
}

/** The plan as a `git log` range of the checkout; a branch base is read through its remote-tracking ref. */
function fromCheckout(plan: Exclude<CommitPlan, { kind: "payload" }>, why: string): CommitSelection {
  const selection =
    plan.kind === "compare"
      ? selectCommits({
          server: GITHUB_ACTIONS_ENVIRONMENT,
          head: { value: plan.head, source: plan.headSource },
          previous: {
            value: /^[0-9a-f]{40}$/i.test(plan.base) ? plan.base : `origin/${plan.base}`,
            source: plan.baseSource,
          },
        })
      : selectCommits({
          server: GITHUB_ACTIONS_ENVIRONMENT,
          head: { value: plan.head, source: "GITHUB_SHA" },
        });
  return { ...selection, warnings: [why, ...selection.warnings] };
}
