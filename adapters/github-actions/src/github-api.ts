import type { HttpRequestOptions } from "@buildinfo/core";

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
