import { collectPages, getBuildServerJson, type HttpClient, joinUrl, type RawCommit } from "@buildinfo/core";
import { GITHUB_API_URL_HINT, GITHUB_TOKEN_HINT, githubRequest, refPathSegment } from "./github-api";

interface ComparePage {
  total_commits?: number;
  commits?: { sha: string; commit?: { message?: string } }[];
}

interface CompareCommitsRequest {
  /** `GITHUB_API_URL`, e.g. `https://api.github.com` or `https://ghes.example.com/api/v3`. */
  apiUrl: string;
  /** `owner/repo`. */
  repository: string;
  base: string;
  head: string;
  token: string;
  /** The most commits kept, the newest (the collection's `limits.commits`). */
  maxCommits: number;
}

/** Page size of the compare API when paged (its maximum); without paging it stops at 250 commits. */
export const COMPARE_PAGE_SIZE = 100;

/**
 * The commits of `base...head` (reachable from head, not from base), newest first, with full messages,
 * at most `maxCommits` of them: from `GET /repos/{repo}/compare/{base}...{head}`, which lists them oldest
 * first, page by page. When `total_commits` says they all fit, the pages are read in order; when it says
 * there are more, from the last page backwards, so the newest are the ones kept. Whatever
 * `total_commits` claims, reading ends at `maxCommits`, at an empty page or at the collection's limits.
 */
export async function compareCommits(http: HttpClient, request: CompareCommitsRequest): Promise<RawCommit[]> {
  const url = joinUrl(
    request.apiUrl,
    `repos/${request.repository}/compare/${refPathSegment(request.base)}...${refPathSegment(request.head)}`,
  );
  const readPage = async (page: number) => {
    const body = await getBuildServerJson<ComparePage>(
      http,
      `${url}?per_page=${COMPARE_PAGE_SIZE}&page=${page}`,
      {
        ...githubRequest(request.token),
        what: `the commits ${request.base}...${request.head}`,
        hint: GITHUB_TOKEN_HINT,
        notJsonHint: GITHUB_API_URL_HINT,
      },
    );
    const total = typeof body.total_commits === "number" ? body.total_commits : 0;
    const commits = (body.commits ?? []).map((commit) => ({
      id: commit.sha,
      comment: commit.commit?.message ?? "",
    }));
    return { total, commits };
  };
  const first = await readPage(1);
  const lastPage = Math.ceil(first.total / COMPARE_PAGE_SIZE);
  if (first.commits.length < COMPARE_PAGE_SIZE || lastPage <= 1) {
    return first.commits.reverse().slice(0, request.maxCommits);
  }
  if (first.total <= request.maxCommits) {
    const rest = await collectPages(
      2,
      async (page: number) => {
        const { commits } = await readPage(page);
        const more = commits.length === COMPARE_PAGE_SIZE && page < lastPage;
        return { items: commits, next: more ? page + 1 : undefined };
      },
      { maxItems: request.maxCommits - first.commits.length },
    );
    return [...first.commits, ...rest.items].reverse();
  }
  const newest = await collectPages(
    lastPage,
    async (page: number) => ({
      items: (await readPage(page)).commits.reverse(),
      next: page > 1 ? page - 1 : undefined,
    }),
    { maxItems: request.maxCommits },
  );
  return newest.items;
}
