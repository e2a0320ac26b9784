import {
  type AdapterContext,
  type BuildInformationDraft,
  basicAuthFromEnv,
  type CommitSelection,
  draftFromEnvValues,
  type EnvValue,
  firstEnv,
  type RawCommit,
} from "@buildinfo/core";
import { jenkinsBranch } from "./jenkins-branch";
import { type JenkinsBuildData, type JenkinsBuildRecord, readJenkinsBuild } from "./jenkins-build-api";
import { jenkinsBuildUrl } from "./jenkins-build-url";
import { newestFirst } from "./jenkins-commit-order";
import { readRunsSinceLastSuccess } from "./jenkins-failed-runs";
import { jenkinsGitCommits } from "./jenkins-git-commits";
import { manifest } from "./manifest";

const buildDataSource = "api/json BuildData";

function pickBuildData(
  record: JenkinsBuildRecord | undefined,
  head: string | undefined,
): JenkinsBuildData | undefined {
  const all = record?.buildData ?? [];
  return all.find((data) => head !== undefined && data.sha === head) ?? all[0];
}

function fromBuildData(value: string | undefined, field: string): EnvValue | undefined {
  return value ? { value, source: `${buildDataSource} ${field}` } : undefined;
}

/** The SCM kind as the server spells it: the change sets' `kind`, else what the environment implies. */
function rawVcsType(
  record: JenkinsBuildRecord | undefined,
  head: EnvValue | undefined,
  buildData: JenkinsBuildData | undefined,
): EnvValue | undefined {
  const kind = record?.changeSets.find((changeSet) => changeSet.kind !== null)?.kind;
  if (kind) return { value: kind, source: "api/json changeSets[].kind" };
  if (head?.source.startsWith("SVN_REVISION")) return { value: "svn", source: head.source };
  if (head || buildData) return { value: "git", source: head?.source ?? buildDataSource };
  return undefined;
}

interface ApiRead {
  record?: JenkinsBuildRecord;
  /** The failed runs since the last successful one, newest first. */
  earlierRuns: JenkinsBuildRecord[];
}

/** A Jenkins user that can read the job: the API answers 403 or 404 to anyone else. */
const accessFix =
  "Let buildinfo read the job's API: set JENKINS_USER_ID and JENKINS_API_TOKEN (a user with Job/Read) in the step's environment.";

async function readApi(
  context: AdapterContext,
  buildUrl: string | undefined,
  warnings: string[],
): Promise<ApiRead> {
  const { env, http } = context;
  if (!buildUrl) {
    warnings.push(
      "BUILD_URL is empty and JENKINS_URL/JOB_NAME/BUILD_NUMBER cannot compose it, so the Jenkins API is not read.",
    );
    return { earlierRuns: [] };
  }
  const auth = basicAuthFromEnv(env, "JENKINS_USER_ID", "JENKINS_API_TOKEN");
  const record = await context.fromServer(
    { what: `the build's change sets from the Jenkins API (${buildUrl}api/json)`, fix: accessFix },
    () => readJenkinsBuild(http, buildUrl, auth),
  );
  if (record === undefined) return { earlierRuns: [] };
  const jobUrl = firstEnv(env, ["JOB_URL"]);
  const number = env.BUILD_NUMBER ?? "";
  if (!jobUrl || !/^\d+$/.test(number)) return { record, earlierRuns: [] };
  const earlierRuns = await context.fromServer(
    { what: "the failed runs since the last successful build from the Jenkins API", fix: accessFix },
    () => readRunsSinceLastSuccess(http, jobUrl.value, Number(number), auth),
  );
  return { record, earlierRuns: earlierRuns ?? [] };
}

/** This run's build information from the git plugin's variables and the build's JSON API. */
export async function collect(context: AdapterContext): Promise<BuildInformationDraft> {
  const { env, logger } = context;
  const warnings: string[] = [];
  const buildUrl = jenkinsBuildUrl(env);
  const { record, earlierRuns } = await readApi(context, buildUrl?.value, warnings);
  const gitHead = firstEnv(env, ["GIT_COMMIT"]);
  const buildData = pickBuildData(record, gitHead?.value);
  const head =
    gitHead ??
    fromBuildData(buildData?.sha, "lastBuiltRevision.SHA1") ??
    firstEnv(env, ["SVN_REVISION", "SVN_REVISION_1"]);
  const branch = jenkinsBranch(env) ?? fromBuildData(buildData?.branch, "lastBuiltRevision.branch");
  const vcsRoot =
    firstEnv(env, ["GIT_URL", "GIT_URL_1"]) ??
    fromBuildData(buildData?.remoteUrls[0], "remoteUrls") ??
    firstEnv(env, ["SVN_URL", "SVN_URL_1"]);
  const vcsType = rawVcsType(record, head, buildData);
  const buildNumber = firstEnv(env, ["BUILD_NUMBER"]);

  // This run, then the unreleased failed runs before it; within a run the last checkout first, then by time.
  const apiCommits: RawCommit[] = newestFirst(
    (record ? [record, ...earlierRuns] : []).flatMap((run) =>
      [...run.changeSets].reverse().flatMap((set) => set.commits),
    ),
  );
  let selection: CommitSelection;
  if (apiCommits.length > 0) {
    selection = {
      commits: apiCommits,
      source: `api/json changeSet/changeSets${earlierRuns.length > 0 ? ` (and ${earlierRuns.length} failed run(s) before)` : ""}`,
      warnings: [],
    };
  } else if (vcsType?.value === "git") {
    selection = jenkinsGitCommits(env, head);
    if (record !== undefined) {
      logger.info(
        "The build has no change sets (the first build of a branch, or a rebuild); reading the checkout.",
      );
    }
  } else if (record === undefined) {
    selection = {
      warnings: [
        "GIT_COMMIT is not set and the Jenkins API was not read, so the built commit is unknown. " +
          "Pass --commit <sha> (e.g. from `checkout scm`) to read the commits from the checkout.",
      ],
    };
  } else {
    selection = { commits: [], source: "api/json changeSet/changeSets", warnings: [] };
  }

  return draftFromEnvValues(
    manifest.displayName,
    { buildNumber, buildUrl, branch, vcsType, vcsRoot, vcsCommitNumber: head },
    selection,
    warnings,
  );
}
