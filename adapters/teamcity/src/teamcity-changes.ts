import {
  collectPages,
  getBuildServerResponse,
  type HttpClient,
  type HttpRequestOptions,
  joinUrl,
  sameOriginLink,
} from "@buildinfo/core";
import { parseTeamCityChangesPage, type TeamCityChange } from "./teamcity-changes-page";

export type TeamCityRestFormat = "xml" | "json";

interface ReadTeamCityChangesOptions {
  http: HttpClient;
  serverUrl: string;
  /** The internal build id (`teamcity.build.id`), not the build number. */
  buildId: string;
  /** The build's temporary credentials (`teamcity.auth.userId` / `teamcity.auth.password`); guest access without. */
  basicAuth?: HttpRequestOptions["basicAuth"] | undefined;
  /** Changes per request. Default 1000. */
  pageSize?: number | undefined;
  /** Default XML, TeamCity's own default; JSON is asked for with `Accept: application/json`. */
  format?: TeamCityRestFormat;
  /** The most changes kept (the collection's `limits.commits`); TeamCity lists the newest first. */
  maxChanges: number;
}

export interface TeamCityChanges {
  changes: TeamCityChange[];
  requests: number;
}

export const defaultTeamCityPageSize = 1000;

const fields = "count,nextHref,change(id,version,comment,vcsRootInstance(id,vcs-root-id))";

/** `/httpAuth/` takes basic credentials on every TeamCity version; `/guestAuth/` is anonymous. */
function teamCityChangesUrl(options: ReadTeamCityChangesOptions, start: number): string {
  const prefix = options.basicAuth ? "httpAuth/app/rest/changes" : "guestAuth/app/rest/changes";
  const count = options.pageSize ?? defaultTeamCityPageSize;
  return `${joinUrl(options.serverUrl, prefix)}?locator=build:(id:${encodeURIComponent(options.buildId)}),count:${count},start:${start}&fields=${fields}`;
}

/**
 * The changes of the build, one request per page with the comments inside (never one request per
 * change): follows `nextHref`, or asks for `start+count` when a full page comes without one from a
 * server that never links its pages (old servers), until the last page or `maxChanges`.
 */
export async function readTeamCityChanges(options: ReadTeamCityChangesOptions): Promise<TeamCityChanges> {
  const pageSize = options.pageSize ?? defaultTeamCityPageSize;
  const accept = options.format === "json" ? "application/json" : "application/xml";
  const origin = new URL(options.serverUrl);
  // A server that links its pages omits the link on the last one; only old servers need start+count.
  let serverLinksPages = false;
  const collected = await collectPages(
    { url: teamCityChangesUrl(options, 0), start: 0 },
    async (cursor) => {
      const response = await getBuildServerResponse(options.http, cursor.url, {
        headers: { accept },
        basicAuth: options.basicAuth,
        what: "the build's changes",
        hint: "The build's temporary credentials (teamcity.auth.userId/password) are valid only while the build runs; run buildinfo as a step of that build.",
      });
      const page = await parseTeamCityChangesPage(
        response.text,
        response.headers["content-type"],
        `${origin.origin}/app/rest/changes`,
      );
      const start = cursor.start + page.changes.length;
      if (page.nextHref) serverLinksPages = true;
      const next = page.nextHref
        ? { url: sameOriginLink(page.nextHref, options.serverUrl, "TeamCity's nextHref"), start }
        : !serverLinksPages && page.changes.length >= pageSize
          ? { url: teamCityChangesUrl(options, start), start }
          : undefined;
      return { items: page.changes, next };
    },
    { maxItems: options.maxChanges },
  );
  return { changes: collected.items, requests: collected.pages };
}
