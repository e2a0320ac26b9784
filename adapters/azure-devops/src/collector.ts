import {
  type AdapterContext,
  type BuildInformationDraft,
  type CommitSelection,
  draftFromEnvValues,
  type Environment,
  type EnvValue,
  firstEnv,
  joinUrl,
} from "@buildinfo/core";
import { ACCESS_TOKEN_HINT, fetchBuildChanges } from "./build-changes";
import { azureDevOpsBuildUrl } from "./build-url";
import { withFullMessages } from "./full-messages";
import { manifest } from "./manifest";

/** The build's information from the predefined variables and the build changes API. */
export async function collect(context: AdapterContext): Promise<BuildInformationDraft> {
  const { env } = context;
  const collection = firstEnv(env, ["SYSTEM_TEAMFOUNDATIONCOLLECTIONURI", "SYSTEM_COLLECTIONURI"]);
  const project = firstEnv(env, ["SYSTEM_TEAMPROJECT"]);
  const buildId = firstEnv(env, ["BUILD_BUILDID"]);
  const provider = firstEnv(env, ["BUILD_REPOSITORY_PROVIDER"]);
  const isTfvc = provider?.value.toLowerCase() === "tfsversioncontrol";
  const head = firstEnv(env, ["BUILD_SOURCEVERSION"]);
  const values = {
    buildNumber: firstEnv(env, ["BUILD_BUILDNUMBER"]),
    buildUrl:
      collection && project && buildId
        ? {
            value: azureDevOpsBuildUrl(collection.value, project.value, buildId.value),
            source: `${collection.source}/SYSTEM_TEAMPROJECT/_build/results?buildId=BUILD_BUILDID`,
          }
        : undefined,
    // A pull request build's own branch rather than refs/pull/N/merge; TFVC paths ($/Project/Main),
    // tags and shelvesets as the server gives them.
    branch: firstEnv(env, ["SYSTEM_PULLREQUEST_SOURCEBRANCH", "BUILD_SOURCEBRANCH"]),
    vcsType: provider,
    // TFVC: the collection URL; Octopus takes the project for changeset links from BuildUrl.
    vcsRoot: firstEnv(env, ["BUILD_REPOSITORY_URI"]) ?? (isTfvc ? collection : undefined),
    vcsCommitNumber: head,
  };

  const token = firstEnv(env, ["SYSTEM_ACCESSTOKEN"]);
  if (token === undefined || collection === undefined || project === undefined || buildId === undefined) {
    const missing =
      token === undefined
        ? "SYSTEM_ACCESSTOKEN is not set (map it: `env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)`)"
        : "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI, SYSTEM_TEAMPROJECT or BUILD_BUILDID is not set";
    const note = `${missing}, so the build's changes cannot be read from Azure DevOps.`;
    return draftFromEnvValues(manifest.displayName, values, headOnly(env, head), [note]);
  }

  const projectUrl = joinUrl(collection.value, encodeURIComponent(env.SYSTEM_TEAMPROJECTID || project.value));
  const changes = await context.fromServer(
    { what: `the changes of build ${buildId.value} from the Azure DevOps build API`, fix: ACCESS_TOKEN_HINT },
    () =>
      fetchBuildChanges(context.http, {
        projectUrl,
        buildId: buildId.value,
        token: token.value,
        maxChanges: context.limits.commits,
      }),
  );
  if (changes === undefined) return draftFromEnvValues(manifest.displayName, values, headOnly(env, head));
  context.logger.debug(`Azure DevOps listed ${changes.length} change(s) for build ${buildId.value}.`);
  const warnings: string[] = [];
  const commits = await withFullMessages(
    context.http,
    changes,
    {
      collectionUrl: collection.value,
      projectUrl,
      provider: provider?.value,
      repositoryId: env.BUILD_REPOSITORY_ID,
      token: token.value,
    },
    warnings,
  );
  return draftFromEnvValues(manifest.displayName, values, {
    commits,
    source: "Azure DevOps build changes API (BUILD_BUILDID)",
    warnings,
  });
}

/**
 * Without API access: the head commit with the message the variables carry (its first line at most).
 * Never a range for the checkout: a TFVC or Subversion build has no git history to read.
 */
function headOnly(env: Environment, head: EnvValue | undefined): CommitSelection {
  const headMessage = firstEnv(env, ["BUILD_SOURCEVERSIONMESSAGE"]);
  if (head === undefined || headMessage === undefined) {
    return {
      warnings: ["BUILD_SOURCEVERSION or BUILD_SOURCEVERSIONMESSAGE is not set: no commits are sent."],
    };
  }
  return {
    commits: [{ id: head.value, comment: headMessage.value }],
    source: `${head.source} + ${headMessage.source}`,
    warnings: [`Only the head commit ${head.value} (${head.source}) is sent.`],
  };
}
