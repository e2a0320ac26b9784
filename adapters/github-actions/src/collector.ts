import {
  type AdapterContext,
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
import { manifest } from "./manifest";

/** The run's build information from its variables, its event payload, the GitHub API and the checkout. */
export async function collect(context: AdapterContext): Promise<BuildInformationDraft> {
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
    return draftFromEnvValues(manifest.displayName, values, {
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
  return draftFromEnvValues(manifest.displayName, values, await selectFor(plan, context), warnings);
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
  const fix =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
    "Give the step GITHUB_TOKEN (`env: GITHUB_TOKEN: ${{ github.token }}`) with `permissions: contents: read`, or " +
    "give actions/checkout `fetch-depth: 0` so the checkout holds the range.";
  if (plan.kind === "compare") {
    logger.debug(`Reading the commits of ${plan.reason} from the compare API: ${plan.base}...${plan.head}.`);
    const commits = await context.fromServer(
      { what: `the commits of ${plan.reason} from the GitHub compare API`, fix },
      () =>
        compareCommits(context.http, {
          apiUrl,
          repository,
          base: plan.base,
          head: plan.head,
          token,
          maxCommits: context.limits.commits,
        }),
    );
    if (commits === undefined) return fromCheckout(plan);
    return { commits, source: `GitHub compare API ${plan.baseSource}...${plan.headSource}`, warnings: [] };
  }
  logger.debug(
    `No commit range for ${plan.reason}: reading the head commit ${plan.head} from the GitHub API.`,
  );
  const commit = await context.fromServer(
    { what: `the head commit ${plan.head} from the GitHub commits API`, fix },
    () => fetchCommit(context.http, { apiUrl, repository, sha: plan.head, token }),
  );
  if (commit === undefined) return fromCheckout(plan);
  return { commits: [commit], source: "GitHub commits API GITHUB_SHA", warnings: [] };
}

/** The plan as a `git log` range of the checkout; a branch base is read through its remote-tracking ref. */
function fromCheckout(plan: Exclude<CommitPlan, { kind: "payload" }>, why?: string): CommitSelection {
  const selection =
    plan.kind === "compare"
      ? selectCommits({
          server: "GitHub Actions",
          head: { value: plan.head, source: plan.headSource },
          previous: {
            value: /^[0-9a-f]{40}$/i.test(plan.base) ? plan.base : `origin/${plan.base}`,
            source: plan.baseSource,
          },
        })
      : selectCommits({
          server: "GitHub Actions",
          head: { value: plan.head, source: "GITHUB_SHA" },
        });
  return why === undefined ? selection : { ...selection, warnings: [why, ...selection.warnings] };
}
