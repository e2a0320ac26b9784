import {
  type AdapterContext,
  type BuildInformationDraft,
  basicAuthFromEnv,
  type CommitSelection,
  draftFromEnvValues,
  firstEnv,
  isGitVcsType,
  selectCommits,
} from "@buildinfo/core";
import { type BambooRepository, readBambooRepository } from "./bamboo-repository";
import { readBambooResultChanges } from "./bamboo-result-changes";
import { bambooBaseUrl, bambooBuildUrl } from "./bamboo-urls";
import { manifest } from "./manifest";

/**
 * From the checkout: `previousRevision..revision`; Bamboo repeats `revision` as the previous one on a
 * first build or a re-run. Not for a repository type the core rejects (svn, hg, p4): git cannot read it.
 */
function gitCommits(repository: BambooRepository): CommitSelection {
  const { revision, previousRevision } = repository;
  if (!isGitVcsType(repository.type?.value)) return { warnings: [] };
  const distinct =
    previousRevision && previousRevision.value !== revision?.value ? previousRevision : undefined;
  return selectCommits({ server: "Bamboo", head: revision, previous: distinct });
}

function checkoutInstead(why: string, repository: BambooRepository): CommitSelection {
  const fallback = gitCommits(repository);
  return { ...fallback, warnings: [why, ...fallback.warnings] };
}

/** From `/rest/api/latest/result/{key}?expand=changes.change` when credentials are given; else, or when that fails, from git. */
async function commits(context: AdapterContext, repository: BambooRepository): Promise<CommitSelection> {
  const { env } = context;
  const token = firstEnv(env, ["BAMBOO_TOKEN"])?.value;
  const basicAuth = basicAuthFromEnv(env, "BAMBOO_USERNAME", "BAMBOO_PASSWORD");
  const base = bambooBaseUrl(env);
  const key = firstEnv(env, ["bamboo_buildResultKey"]);
  if ((!token && !basicAuth) || !base || !key) return gitCommits(repository);
  const result = await context.fromServer(
    {
      what: `the changes of ${key.value} from the Bamboo REST API`,
      fix: "Give BAMBOO_TOKEN (a personal access token) or BAMBOO_USERNAME/BAMBOO_PASSWORD of a user who can view the plan.",
    },
    () =>
      readBambooResultChanges(
        context.http,
        base.value,
        key.value,
        token ? { bearerToken: token } : { basicAuth },
      ),
  );
  if (result === undefined) return gitCommits(repository);
  if (result.commits.length < result.size) {
    return checkoutInstead(
      `Bamboo listed ${result.commits.length} of ${result.size} changes of ${key.value}; reading them from the checkout.`,
      repository,
    );
  }
  return {
    commits: result.commits,
    source: `Bamboo REST result/${key.value}?expand=changes.change`,
    warnings: [],
  };
}

/** The build's information from the plan repository's variables and the result's REST changes. */
export async function collect(context: AdapterContext): Promise<BuildInformationDraft> {
  const repository = readBambooRepository(context.env, context.options.planRepository);
  return draftFromEnvValues(
    manifest.displayName,
    {
      buildNumber: firstEnv(context.env, ["bamboo_buildNumber"]),
      buildUrl: bambooBuildUrl(context.env),
      branch: repository.branch,
      vcsType: repository.type,
      vcsRoot: repository.repositoryUrl,
      // The revision that was built, even when the build has no changes (the official plugin sent the last change's id).
      vcsCommitNumber: repository.revision,
    },
    await commits(context, repository),
  );
}
