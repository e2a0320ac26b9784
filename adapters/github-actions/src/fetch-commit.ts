import { getBuildServerText, type HttpClient, joinUrl, type RawCommit } from "@buildinfo/core";
import { GITHUB_TOKEN_HINT, githubRequest, parseGitHubJson, refPathSegment } from "./github-api";

/** One commit with its full message, from `GET /repos/{repo}/commits/{sha}`. */
export async function fetchCommit(
  http: HttpClient,
  request: { apiUrl: string; repository: string; sha: string; token: string },
): Promise<RawCommit> {
  const text = await getBuildServerText(
    http,
    joinUrl(request.apiUrl, `repos/${request.repository}/commits/${refPathSegment(request.sha)}`),
    { ...githubRequest(request.token), what: `the commit ${request.sha}`, hint: GITHUB_TOKEN_HINT },
  );
  const body = parseGitHubJson<{ sha?: string; commit?: { message?: string } }>(
    text,
    `the commit ${request.sha}`,
  );
  return { id: body.sha ?? request.sha, comment: body.commit?.message ?? "" };
}
