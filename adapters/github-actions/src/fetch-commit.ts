import { getBuildServerJson, type HttpClient, joinUrl, type RawCommit } from "@buildinfo/core";
import { GITHUB_API_URL_HINT, GITHUB_TOKEN_HINT, githubRequest, refPathSegment } from "./github-api";

/** One commit with its full message, from `GET /repos/{repo}/commits/{sha}`. */
export async function fetchCommit(
  http: HttpClient,
  request: { apiUrl: string; repository: string; sha: string; token: string },
): Promise<RawCommit> {
  const body = await getBuildServerJson<{ sha?: string; commit?: { message?: string } }>(
    http,
    joinUrl(request.apiUrl, `repos/${request.repository}/commits/${refPathSegment(request.sha)}`),
    {
      ...githubRequest(request.token),
      what: `the commit ${request.sha}`,
      hint: GITHUB_TOKEN_HINT,
      notJsonHint: GITHUB_API_URL_HINT,
    },
  );
  return { id: body.sha ?? request.sha, comment: body.commit?.message ?? "" };
}
