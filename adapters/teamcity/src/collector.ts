import {
  type AdapterContext,
  type BuildInformationDraft,
  type CommitSelection,
  draftFromEnvValues,
  type EnvValue,
  firstEnv,
  isGitVcsType,
  joinUrl,
  selectCommits,
} from "@buildinfo/core";
import { manifest } from "./manifest";
import { readTeamCityChanges, type TeamCityRestFormat } from "./teamcity-changes";
import { readTeamCityCheckout } from "./teamcity-checkout";
import { readTeamCityParameters, type TeamCityParameters } from "./teamcity-parameters";
import { chooseVcsRoot } from "./teamcity-root-choice";
import { listVcsRoots, type TeamCityVcsRoot } from "./teamcity-vcs-roots";

/** `BUILD_URL` (TeamCity 2023.09+), else `{teamcity.serverUrl}/viewLog.html?buildId={teamcity.build.id}` — the id, not the number. */
function buildUrl(context: AdapterContext, parameters: TeamCityParameters): EnvValue | undefined {
  const fromEnv = firstEnv(context.env, ["BUILD_URL"]);
  if (fromEnv) return fromEnv;
  const server = parameters.get("teamcity.serverUrl");
  const id = parameters.get("teamcity.build.id");
  if (!server || !id) return undefined;
  return {
    value: `${joinUrl(server.value, "viewLog.html")}?buildId=${encodeURIComponent(id.value)}`,
    source: `${server.source} + ${id.source}`,
  };
}

/** The logical branch, unless it is `<default>` (no branch specification): then the root's full ref or its configured branch. */
function branch(parameters: TeamCityParameters, root: TeamCityVcsRoot | undefined): EnvValue | undefined {
  const logical = parameters.get("teamcity.build.branch");
  if (logical && logical.value !== "<default>") return logical;
  return (root?.id ? parameters.get(`teamcity.build.vcs.branch.${root.id}`) : undefined) ?? root?.branch;
}

function revisionOf(
  context: AdapterContext,
  parameters: TeamCityParameters,
  root: TeamCityVcsRoot | undefined,
): EnvValue | undefined {
  if (root?.id) {
    return (
      parameters.get(`build.vcs.number.${root.id}`) ?? firstEnv(context.env, [`BUILD_VCS_NUMBER_${root.id}`])
    );
  }
  return parameters.get("build.vcs.number") ?? firstEnv(context.env, ["BUILD_VCS_NUMBER"]);
}

/** Without the REST changes: TeamCity names no previous revision, so the checkout can give the head commit only. */
function headCommitOnly(
  reason: string | undefined,
  vcsType: EnvValue | undefined,
  revision: EnvValue | undefined,
): CommitSelection {
  const fallback = isGitVcsType(vcsType?.value)
    ? selectCommits({ server: "TeamCity", head: revision })
    : { warnings: ["No commits are sent."] };
  return { ...fallback, warnings: [...(reason === undefined ? [] : [`${reason}.`]), ...fallback.warnings] };
}

async function commits(
  context: AdapterContext,
  parameters: TeamCityParameters,
  root: TeamCityVcsRoot | undefined,
  rootCount: number,
  revision: EnvValue | undefined,
  vcsType: EnvValue | undefined,
): Promise<CommitSelection> {
  const server = parameters.get("teamcity.serverUrl");
  const buildId = parameters.get("teamcity.build.id");
  if (!server || !buildId) {
    return headCommitOnly(
      "teamcity.serverUrl or teamcity.build.id is unknown, so the build's changes cannot be read",
      vcsType,
      revision,
    );
  }
  const userId = parameters.get("teamcity.auth.userId");
  const password = parameters.get("teamcity.auth.password");
  const format: TeamCityRestFormat = context.options.restFormat === "json" ? "json" : "xml";
  const pageSize = context.options.changesPageSize;
  const read = await context.fromServer(
    {
      what: `the build's changes from the TeamCity REST API (${server.value})`,
      fix:
        "Let the build read its own changes: the agent's teamcity.auth.userId/teamcity.auth.password need " +
        "'View build runtime parameters and data' on the project, and the agent must reach teamcity.serverUrl.",
    },
    () =>
      readTeamCityChanges({
        http: context.http,
        serverUrl: server.value,
        buildId: buildId.value,
        basicAuth: userId && password ? { username: userId.value, password: password.value } : undefined,
        pageSize: pageSize === undefined ? undefined : Number(pageSize),
        format,
        maxChanges: context.limits.commits,
      }),
  );
  if (read === undefined) return headCommitOnly(undefined, vcsType, revision);
  context.logger.debug(`Read ${read.changes.length} TeamCity change(s) in ${read.requests} request(s).`);
  // With several roots the build's changes mix repositories; keep those of the root described.
  const ofRoot =
    rootCount > 1 && root?.id
      ? read.changes.filter((change) => change.vcsRootId === undefined || change.vcsRootId === root.id)
      : read.changes;
  return {
    commits: ofRoot.map((change) => ({ id: change.version, comment: change.comment })),
    source: `TeamCity REST /app/rest/changes?locator=build:(id:${buildId.value})`,
    warnings: [],
  };
}

/** The build's information from its properties file, VCS roots and REST changes. */
export async function collect(context: AdapterContext): Promise<BuildInformationDraft> {
  const warnings: string[] = [];
  const parameters = await readTeamCityParameters(context, warnings);
  if (!context.env.TEAMCITY_BUILD_PROPERTIES_FILE) {
    warnings.push(
      "TEAMCITY_BUILD_PROPERTIES_FILE is not set: only the environment and the checkout are read (no VCS root, no REST changes).",
    );
  }
  const roots = listVcsRoots(parameters);
  const choice = await chooseVcsRoot(roots, context.options.vcsRootId, context.git);
  if (choice.warning) warnings.push(choice.warning);
  const root = choice.root;
  // No VCS root in the parameters (no properties file): the checkout buildinfo runs in, as for other servers.
  const checkout = root === undefined ? await readTeamCityCheckout(context.checkout) : {};
  if (checkout.warning) warnings.push(checkout.warning);
  const vcsCommitNumber = revisionOf(context, parameters, root) ?? checkout.head;
  const vcsType = root?.vcsName ?? checkout.vcsType;
  return draftFromEnvValues(
    manifest.displayName,
    {
      buildNumber: firstEnv(context.env, ["BUILD_NUMBER"]) ?? parameters.get("build.number"),
      buildUrl: buildUrl(context, parameters),
      branch: branch(parameters, root) ?? checkout.branch,
      vcsType,
      vcsRoot: root?.url ?? checkout.remoteUrl,
      vcsCommitNumber,
    },
    await commits(context, parameters, root, roots.length, vcsCommitNumber, vcsType),
    warnings,
  );
}
