import { createHttpClient } from "@buildinfo/http";
import { type FakeApi, startFakeApi } from "@buildinfo/testing";

interface FakeCommit {
  sha: string;
  message: string;
}

interface FakeGitHubApiOptions {
  token: string;
  base: string;
  head: string;
  commits: FakeCommit[];
  status?: number;
}

/**
 * A test file's `fakeGitHub(options)`: the fake API, an HTTP client for the adapter and the variables that
 * point it at the API with the token, all closed by `cleanups`.
 */
export function fakeGitHubIn(cleanups: (() => Promise<void>)[]) {
  return async (options: FakeGitHubApiOptions) => {
    const api = await startFakeGitHubApi(options);
    cleanups.push(api.close);
    const http = createHttpClient();
    cleanups.push(http.close);
    return { api, http, apiEnv: { GITHUB_API_URL: api.apiUrl, GITHUB_TOKEN: options.token } };
  };
}

/**
 * A loopback GitHub REST API (GHES shape: under /api/v3) serving the compare and single-commit endpoints
 * for the given commits of `base...head`, oldest first, paged like GitHub (`per_page` ≤ 100, `page`).
 */
async function startFakeGitHubApi(options: FakeGitHubApiOptions): Promise<FakeApi & { apiUrl: string }> {
  const api = await startFakeApi((request) => {
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return { status: 401, body: { message: "Bad credentials" } };
    if (options.status !== undefined) return { status: options.status, body: { message: "Not Found" } };
    const compare = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/compare\/(.+)\.\.\.(.+)$/.exec(request.path);
    if (compare) {
      if (
        decodeURIComponent(compare[3]!) !== options.base ||
        decodeURIComponent(compare[4]!) !== options.head
      ) {
        return { status: 404, body: { message: "Not Found" } };
      }
      const perPage = Math.min(Number(request.query.get("per_page") ?? "250"), 100);
      const page = Number(request.query.get("page") ?? "1");
      const slice = options.commits.slice((page - 1) * perPage, page * perPage);
      return {
        body: {
          status: "ahead",
          ahead_by: options.commits.length,
          behind_by: 0,
          total_commits: options.commits.length,
          commits: slice.map(toApiCommit),
          files: [],
        },
      };
    }
    const single = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)\/commits\/([0-9a-f]+)$/.exec(request.path);
    const found = options.commits.find((commit) => commit.sha === single?.[3]);
    if (found) return { body: toApiCommit(found) };
    return { status: 404, body: { message: "Not Found" } };
  });
  return Object.assign(api, { apiUrl: `${api.url}/api/v3` });
}

function toApiCommit(commit: FakeCommit) {
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 10)}`,
    commit: {
      author: {
        name: "Codertocat",
        email: "21031067+Codertocat@users.noreply.github.com",
        date: "2024-05-02T09:14:07Z",
      },
      committer: { name: "GitHub", email: "noreply@github.com", date: "2024-05-02T09:14:07Z" },
      message: commit.message,
      tree: { sha: "31b122c26a97cf9af023e9ddab94a82c6e77b0ea" },
      comment_count: 0,
    },
    html_url: `https://github.com/Codertocat/Hello-World/commit/${commit.sha}`,
    parents: [],
  };
}

/** `count` distinct commits with multi-line messages, oldest first. */
export function fakeCommits(count: number): FakeCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    sha: (index + 1).toString(16).padStart(40, "0"),
    message: `HW-${index + 1} change number ${index + 1}\n\nBody of change ${index + 1}.\nFixes #${index + 1}`,
  }));
}
