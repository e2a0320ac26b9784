import { collectPages, getBuildServerJson, type HttpClient, joinUrl, type RawCommit } from "@buildinfo/core";
import { GITHUB_API_URL_HINT, GITHUB_TOKEN_HINT, githubRequest, refPathSegment } from "./github-api";

interface ComparePage {
  /** `ahead`, `behind`, `identical` or `diverged`: how head stands to base. */
  status?: string;
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
}

/** Page size of the compare API when paged (its maximum); without paging it stops at 250 commits. */
export const COMPARE_PAGE_SIZE = 100;

/** What the compare API says of a range: how head stands to base, and the commits of `base...head`. */
export interface Comparison {
  status: string;
  commits: RawCommit[];
}

/**
 * Every commit of `base...head` (reachable from head, not from base), newest first, with full messages,
 * read page by page from `GET /repos/{repo}/compare/{base}...{head}` until `total_commits` are read, and
 * the comparison's `status` (`diverged` when base is not an ancestor of head).
 */
export async function compareCommits(http: HttpClient, request: CompareCommitsRequest): Promise<Comparison> {
  let status = "";
  const url = joinUrl(
    request.apiUrl,
    `repos/${request.repository}/compare/${refPathSegment(request.base)}...${refPathSegment(request.head)}`,
  );
  const collected = await collectPages(1, async (page: number) => {
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
    status = body.status ?? status;
    const commits = body.commits ?? [];
    const total = body.total_commits ?? 0;
    const more = commits.length === COMPARE_PAGE_SIZE && page * COMPARE_PAGE_SIZE < total;
    return {
      items: commits.map((commit) => ({ id: commit.sha, comment: commit.commit?.message ?? "" })),
      next: more ? page + 1 : undefined,
    };
  });
  // The compare API lists commits oldest first, across pages too.
  return { status, commits: collected.items.reverse() };
}
