import { type FakeApi, type FakeApiRequest, type FakeApiResponse, startFakeApi } from "@buildinfo/testing";

export const PROJECT_ID = "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c";
export const REPOSITORY_ID = "3c8e5d4a-2b1f-4c7e-9a6d-0f5e4d3c2b1a";
export const BUILD_ID = "1430";
export const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.buildJobToken";
/** The most changes one response carries, whatever `$top` asks for. */
export const SERVER_PAGE_LIMIT = 100;

export interface FakeChange {
  id: string;
  /** The whole message; the changes API shows only its start when `truncated`. */
  message: string;
  truncated?: boolean;
  /** The change's `location` as the API gives it, when not the commit's or changeset's own URL. */
  location?: string;
}

/**
 * A loopback Azure DevOps organisation `acme` (collection URL `{url}/acme/`): the build changes API
 * with continuation-token paging, Git commits and TFVC changesets. Tracks the requests in flight.
 */
export async function startFakeAzureDevOps(options: {
  type: "TfsGit" | "TfsVersionControl" | "GitHub";
  changes: FakeChange[];
  status?: number;
}): Promise<FakeApi & { collectionUrl: string; maxInFlight(): number }> {
  let inFlight = 0;
  let maxInFlight = 0;
  const api = await startFakeApi(async (request) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return respond(request);
    } finally {
      inFlight -= 1;
    }
  });
  const collectionUrl = `${api.url}/acme/`;

  function respond(request: FakeApiRequest): FakeApiResponse {
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      return { status: 203, headers: { "content-type": "text/html" }, body: "<html>Sign in</html>" };
    }
    if (options.status !== undefined) return { status: options.status, body: { message: "denied" } };
    if (request.query.get("api-version") === null)
      return { status: 400, body: { message: "No api-version was supplied." } };
    if (request.path === `/acme/${PROJECT_ID}/_apis/build/builds/${BUILD_ID}/changes`) {
      const top = Math.min(Number(request.query.get("$top") ?? "50"), SERVER_PAGE_LIMIT);
      const start = Number(request.query.get("continuationToken") ?? "0");
      const page = options.changes.slice(start, start + top);
      const more = start + top < options.changes.length;
      return {
        headers: more ? { "x-ms-continuationtoken": String(start + top) } : {},
        body: { count: page.length, value: page.map(toChange) },
      };
    }
    const commit = new RegExp(
      `^/acme/${PROJECT_ID}/_apis/git/repositories/${REPOSITORY_ID}/commits/([0-9a-f]{40})$`,
    ).exec(request.path);
    const changeset = /^\/acme\/_apis\/tfvc\/changesets\/(\d+)$/.exec(request.path);
    const id = commit?.[1] ?? changeset?.[1];
    const found = options.changes.find((change) => change.id === id);
    if (found && commit)
      return { body: { commitId: found.id, comment: found.message, url: `${collectionUrl}x` } };
    if (found && changeset) return { body: { changesetId: Number(found.id), comment: found.message } };
    return { status: 404, body: { message: `no route ${request.path}` } };
  }

  function toChange(change: FakeChange) {
    const shown = change.truncated ? `${change.message.slice(0, 40)}` : change.message;
    const location =
      change.location ??
      (options.type === "TfsVersionControl"
        ? `${collectionUrl}_apis/tfvc/changesets/${change.id}`
        : `${collectionUrl}${PROJECT_ID}/_apis/git/repositories/${REPOSITORY_ID}/Commits/${change.id}`);
    return {
      id: change.id,
      message: shown,
      ...(change.truncated ? { messageTruncated: true } : {}),
      type: options.type,
      author: {
        displayName: "Dana Lee",
        uniqueName: "dana@example.com",
        id: "5f2a",
        imageUrl: `${collectionUrl}_api/avatar`,
      },
      timestamp: "2025-01-06T09:14:07Z",
      location,
      displayUri: `${collectionUrl}Shop%20Web/_git/web/commit/${change.id}`,
    };
  }

  return Object.assign(api, { collectionUrl, maxInFlight: () => maxInFlight });
}
