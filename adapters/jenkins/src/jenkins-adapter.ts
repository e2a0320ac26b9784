import {
  type Adapter,
  type AdapterContext,
  apiFailure,
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
  /** Why this run's API could not be read. */
  apiFailure?: string;
}

async function readApi(
  context: AdapterContext,
  buildUrl: string | undefined,
  warnings: string[],
): Promise<ApiRead> {
  const { env, http } = context;
  if (!buildUrl) {
    return {
      earlierRuns: [],
      apiFailure: "BUILD_URL is empty and JENKINS_URL/JOB_NAME/BUILD_NUMBER cannot compose it",
    };
  }
  const auth = basicAuthFromEnv(env, "JENKINS_USER_ID", "JENKINS_API_TOKEN");
  let record: JenkinsBuildRecord;
  try {
    record = await readJenkinsBuild(http, buildUrl, auth);
  } catch (error) {
    return { earlierRuns: [], apiFailure: apiFailure(error).message };
  }
  const jobUrl = firstEnv(env, ["JOB_URL"]);
  const number = env.BUILD_NUMBER ?? "";
  if (!jobUrl || !/^\d+$/.test(number)) return { record, earlierRuns: [] };
  try {
    return { record, earlierRuns: await readRunsSinceLastSuccess(http, jobUrl.value, Number(number), auth) };
  } catch (error) {
    warnings.push(
      `The runs since the last successful build could not be read (${apiFailure(error).message}); only this run's changes are sent.`,
    );
    return { record, earlierRuns: [] };
  }
}

async function collectJenkins(context: AdapterContext): Promise<BuildInformationDraft> {
  const { env, logger } = context;
  const warnings: string[] = [];
  const buildUrl = jenkinsBuildUrl(env);
  const { record, earlierRuns, apiFailure } = await readApi(context, buildUrl?.value, warnings);
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
    if (apiFailure !== undefined) {
      warnings.push(`The Jenkins API could not be read (${apiFailure}); commits come from the checkout.`);
    } else {
      logger.info(
        "The build has no change sets (the first build of a branch, or a rebuild); reading the checkout.",
      );
    }
  } else if (apiFailure !== undefined) {
    selection = {
      warnings: [
        `The Jenkins API could not be read (${apiFailure}) and GIT_COMMIT is not set, so the built commit is unknown. ` +
          "Pass --commit <sha> (e.g. from `checkout scm`) to read the commits from the checkout.",
      ],
    };
  } else {
    selection = { commits: [], source: "api/json changeSet/changeSets", warnings: [] };
  }

  return draftFromEnvValues(
    jenkinsAdapter.displayName,
    { buildNumber, buildUrl, branch, vcsType, vcsRoot, vcsCommitNumber: head },
    selection,
    warnings,
  );
}

export const jenkinsAdapter: Adapter = {
  id: "jenkins",
  displayName: "Jenkins",
  detect: (env) => Boolean(env.JENKINS_URL) || (Boolean(env.BUILD_URL) && Boolean(env.JOB_NAME)),
  collect: collectJenkins,
};
