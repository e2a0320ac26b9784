import type { StoredBuildInformation } from "../build-information-store";
import type { DeployContext } from "../deploy-context";
import type { OctopusSpace } from "../octopus-resources";
import type { RecordedRequest } from "../octopus-server";
import { appAssets } from "./app-assets";
import { type AppPage, appPageHtml } from "./app-layout";
import { buildInformationListHtml } from "./build-information-list-page";
import { deploymentChangesPageHtml } from "./deployment-changes-page";
import { escapeHtml } from "./html";
import type { PageAccess } from "./page-access";
import { appPaths } from "./page-paths";
import { recordPageHtml } from "./record-page";
import { releaseNotesPageHtml } from "./release-notes-page";

/** A page's answer: its body is sent as it is. */
export interface PageReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface PageContext {
  deploy: DeployContext;
  spaces: readonly OctopusSpace[];
  access: PageAccess;
}

// Scripts and styles only from this server, no frames, forms only to it, nothing else loaded or connected to.
const policy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const commonHeaders = {
  "content-security-policy": policy,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-frame-options": "DENY",
};

/** A page's path as the pages route it: without trailing slashes. */
export function pagePath(path: string): string {
  return path.replace(/\/+$/, "") || "/";
}

/** Whether a path is one of the pages' (`/`, `/app` and below) rather than the API's. */
export function isPagePath(path: string): boolean {
  return path === "/" || /^\/app(\/|$)/i.test(path);
}

const reply = (status: number, contentType: string, body: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { ...commonHeaders, "content-type": contentType, ...headers },
  body,
});
const html = (status: number, body: string, headers?: Record<string, string>) =>
  reply(status, "text/html; charset=utf-8", body, headers);
const redirect = (location: string, headers: Record<string, string> = {}) =>
  reply(303, "text/plain; charset=utf-8", "", { location, ...headers });

/** The answer to a request for a page, an asset or the sign-in, by a client at `remoteAddress`. */
export function pageRoute(
  context: PageContext,
  request: RecordedRequest,
  remoteAddress: string | undefined,
): PageReply {
  const path = pagePath(request.path);
  const signingIn = path.toLowerCase() === appPaths.signIn;
  const read = request.method === "GET" || request.method === "HEAD";
  if (!read && !(signingIn && request.method === "POST")) {
    return html(405, "<!DOCTYPE html><title>Method not allowed</title><p>The pages are read with GET.</p>", {
      allow: signingIn ? "GET, HEAD, POST" : "GET, HEAD",
    });
  }
  const asset = appAssets[path];
  if (asset !== undefined) return reply(200, asset.contentType, asset.body, { "cache-control": "no-cache" });
  if (signingIn) return signIn(context, request);
  if (!context.access.allows(remoteAddress, request.headers)) return html(401, signInPageHtml(false));
  if (path === "/") return redirect("/app");
  const defaultSpace = context.spaces.find((space) => space.IsDefault) ?? context.spaces[0];
  const segments = path.split("/").slice(2).map(safeDecode);
  if (segments.length === 0) {
    return defaultSpace === undefined
      ? notFoundPage(context, undefined, "This server has no space.")
      : listPage(context, defaultSpace, request, true);
  }
  if (segments.some((segment) => segment === undefined))
    return notFoundPage(context, defaultSpace, "This server has no such page.");
  const [spaceId, ...rest] = segments as string[];
  const space = context.spaces.find((candidate) => candidate.Id.toLowerCase() === spaceId!.toLowerCase());
  if (space === undefined) return notFoundPage(context, defaultSpace, `There is no space “${spaceId}”.`);
  const route = rest.map((segment) => segment.toLowerCase());
  if (
    route.length === 0 ||
    (route.length === 2 && route[0] === "library" && route[1] === "buildinformation")
  ) {
    return listPage(context, space, request, false);
  }
  if (route.length >= 3 && route.length <= 4 && route[0] === "library" && route[1] === "buildinformation") {
    const record = context.deploy.records.get(space.Id, rest[2]!);
    if (record === undefined)
      return notFoundPage(context, space, `There is no build information ${rest[2]} in ${space.Name}.`);
    if (route.length === 3)
      return page(
        context,
        space,
        "build-information",
        `${record.PackageId} ${record.Version}`,
        recordPageHtml(record, context.deploy.trackers),
      );
    if (route[3] === "json")
      return reply(200, "application/json; charset=utf-8", JSON.stringify(record, null, 2));
  }
  if (route.length === 1 && route[0] === "release-notes") {
    const { store } = context.deploy;
    return page(
      context,
      space,
      "release-notes",
      "Release notes preview",
      releaseNotesPageHtml({
        spaceId: space.Id,
        records: newestFirst(context.deploy.records.inSpace(space.Id)),
        projects: store.inSpace(store.data.projects, space.Id),
        chosen: request.query.getAll("record"),
        source: request.query.get("source") ?? "example",
        pasted: request.query.get("template") ?? undefined,
      }),
    );
  }
  if (route.length === 1 && route[0] === "deployment-changes") {
    const value = (name: string) => request.query.get(name) ?? undefined;
    return page(
      context,
      space,
      "deployment-changes",
      "Deployment changes preview",
      deploymentChangesPageHtml(context.deploy, {
        spaceId: space.Id,
        project: value("project"),
        environment: value("environment"),
        release: value("release"),
        deployment: value("deployment"),
      }),
    );
  }
  return notFoundPage(context, space, "This server has no such page.");
}

function page(
  context: PageContext,
  space: OctopusSpace,
  section: AppPage["section"],
  title: string,
  body: string,
  status = 200,
) {
  return html(status, appPageHtml({ title, section, space, spaces: context.spaces, body }));
}

function listPage(
  context: PageContext,
  space: OctopusSpace,
  request: RecordedRequest,
  atRoot: boolean,
): PageReply {
  const skip = Number(request.query.get("skip") ?? 0);
  const body = buildInformationListHtml({
    spaceId: space.Id,
    records: newestFirst(context.deploy.records.inSpace(space.Id)),
    packageFilter: request.query.get("packageId") ?? "",
    skip: Number.isSafeInteger(skip) && skip > 0 ? skip : 0,
  });
  // Octopus's links keep the page in the fragment; the script opens it, and without script this says how.
  const hint = atRoot
    ? `<noscript><p class="hint">A link such as <code>/app#/${escapeHtml(space.Id)}/library/buildinformation/BuildInformation-1</code> opens its record with JavaScript; without it, open <code>/app/${escapeHtml(space.Id)}/library/buildinformation/BuildInformation-1</code>.</p></noscript>`
    : "";
  return page(context, space, "build-information", "Build information", hint + body);
}

function notFoundPage(context: PageContext, space: OctopusSpace | undefined, message: string): PageReply {
  const body = `<p>${escapeHtml(message)}</p>${space === undefined ? "" : `<p><a href="${escapeHtml(appPaths.buildInformation(space.Id))}">Build information</a></p>`}`;
  if (space === undefined)
    return html(
      404,
      `<!DOCTYPE html><html lang="en"><title>Not found</title><main><h1>Not found</h1>${body}</main></html>`,
    );
  return page(context, space, "build-information", "Not found", body, 404);
}

function newestFirst(records: StoredBuildInformation[]): StoredBuildInformation[] {
  return [...records].reverse();
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function signIn(context: PageContext, request: RecordedRequest): PageReply {
  const form = request.method === "POST" ? new URLSearchParams(request.body) : undefined;
  const result = context.access.signIn({
    token: request.method === "GET" ? (request.query.get("token") ?? undefined) : undefined,
    apiKey: form?.get("apiKey") ?? undefined,
  });
  if (result !== undefined) return redirect("/app", { "set-cookie": result.cookie });
  const tried = request.method === "POST" || request.query.has("token");
  return html(tried ? 401 : 200, signInPageHtml(tried));
}

function signInPageHtml(failed: boolean): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in · buildinfo serve</title><link rel="stylesheet" href="${appPaths.stylesheet}"><link rel="icon" href="${appPaths.icon}"></head>
<body><main id="content"><h1>Sign in</h1>
${failed ? `<p class="diagnostics" role="alert">That link was used already, or the key is not this server's.</p>` : ""}
<p>From another machine, the pages need the one-time link that <code>buildinfo serve</code> printed when it started, or the server's API key.</p>
<form method="post" action="${appPaths.signIn}"><div class="field"><label for="api-key">API key</label>
<input id="api-key" name="apiKey" type="password" autocomplete="off" required></div>
<button type="submit">Sign in</button></form></main></body></html>
`;
}
