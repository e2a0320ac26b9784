import { type Environment, firstEnv, type HttpRequestOptions } from "@buildinfo/core";

/** The headers and credentials of every GitHub REST call the adapter makes. */
export function githubRequest(token: string): HttpRequestOptions {
  return {
    headers: { accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" },
    bearerToken: token,
  };
}

/** A ref or sha as one path segment of a GitHub API URL; `/` inside branch names stays readable. */
export function refPathSegment(ref: string): string {
  return encodeURIComponent(ref).replace(/%2F/gi, "/");
}

export const GITHUB_TOKEN_HINT =
  "Give the step the workflow token with read access to the repository contents: `env: GITHUB_TOKEN: " +
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS placeholder
  "${{ github.token }}` and `permissions: contents: read` (the action passes it by default).";

export const GITHUB_API_URL_HINT =
  "Check that GITHUB_API_URL is the GitHub REST API (https://api.github.com or https://HOST/api/v3), not a proxy.";

/** The run's token, API URL and `owner/repo`, or undefined when one is missing (the checkout is read instead). */
export function githubApiAccess(
  env: Environment,
): { token: string; apiUrl: string; repository: string } | undefined {
  const token = firstEnv(env, ["GITHUB_TOKEN", "GH_TOKEN"])?.value;
  const apiUrl = env.GITHUB_API_URL;
  const repository = env.GITHUB_REPOSITORY;
  return token === undefined || apiUrl === undefined || repository === undefined
    ? undefined
    : { token, apiUrl, repository };
}

/** What to set so the GitHub API (or the checkout instead) gives a range's commits. */
export const GITHUB_API_FIX =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template
  "Give the step GITHUB_TOKEN (`env: GITHUB_TOKEN: ${{ github.token }}`) with `permissions: contents: read`, or " +
  "give actions/checkout `fetch-depth: 0` so the checkout holds the range.";
