import { type Environment, type EnvValue, firstEnv, joinUrl } from "@buildinfo/core";

/**
 * `BUILD_URL`; when Jenkins has no root URL configured it is empty, so the URL is composed from
 * `JENKINS_URL`, the folders of `JOB_NAME` (`team/shop/main` → `job/team/job/shop/job/main/`) and
 * `BUILD_NUMBER`.
 */
export function jenkinsBuildUrl(env: Environment): EnvValue | undefined {
  const buildUrl = firstEnv(env, ["BUILD_URL"]);
  if (buildUrl) return buildUrl;
  const root = env.JENKINS_URL;
  const job = env.JOB_NAME;
  const number = env.BUILD_NUMBER;
  if (!root || !job || !number) return undefined;
  const jobPath = job
    .split("/")
    .map((segment) => `job/${encodeURIComponent(segment)}/`)
    .join("");
  return {
    value: joinUrl(root, `${jobPath}${encodeURIComponent(number)}/`),
    source: "JENKINS_URL+JOB_NAME+BUILD_NUMBER",
  };
}
