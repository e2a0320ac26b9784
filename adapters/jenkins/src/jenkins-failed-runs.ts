import {
  getBuildServerJson,
  type HttpClient,
  type HttpRequestOptions,
  isBuildInfoError,
  joinUrl,
  mapWithConcurrency,
} from "@buildinfo/core";
import {
  JENKINS_CREDENTIALS_HINT,
  JENKINS_URL_HINT,
  type JenkinsBuildRecord,
  readJenkinsBuild,
} from "./jenkins-build-api";

/** Runs walked back at most: a job that has failed longer than this has bigger problems than release notes. */
const maxRunsWalked = 50;

/**
 * The runs between the job's last successful run and `current` (both excluded), newest first: their
 * changes were never released, so they belong to this build too (the official plugin walks them the
 * same way). One request for the job, then one per run, a few at a time; a deleted run is skipped.
 */
export async function readRunsSinceLastSuccess(
  http: HttpClient,
  jobUrl: string,
  current: number,
  basicAuth: HttpRequestOptions["basicAuth"],
): Promise<JenkinsBuildRecord[]> {
  const url = `${joinUrl(jobUrl, "api/json")}?tree=lastSuccessfulBuild%5Bnumber%5D`;
  const job = await getBuildServerJson<{ lastSuccessfulBuild?: { number?: unknown } | null } | null>(
    http,
    url,
    {
      basicAuth,
      what: "the job's last successful build",
      hint: JENKINS_CREDENTIALS_HINT,
      notJsonHint: JENKINS_URL_HINT,
    },
  );
  const reported = job?.lastSuccessfulBuild?.number;
  // No successful run yet: every earlier run is unreleased.
  const last = typeof reported === "number" ? reported : 0;
  if (last >= current - 1) return [];
  const numbers: number[] = [];
  for (let run = current - 1; run > last && numbers.length < maxRunsWalked; run -= 1) numbers.push(run);
  const runs = await mapWithConcurrency(numbers, 4, (run) =>
    readJenkinsBuild(http, joinUrl(jobUrl, `${run}/`), basicAuth).catch((error: unknown) => {
      if (isBuildInfoError(error) && error.code === "E_BUILD_SERVER_HTTP_404") return undefined;
      throw error;
    }),
  );
  return runs.filter((run): run is JenkinsBuildRecord => run !== undefined);
}
