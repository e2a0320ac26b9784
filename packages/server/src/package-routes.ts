import { sameKey } from "./build-information-store";
import type { DeployContext, SpaceCall } from "./deploy-context";
import type { StoredPackage } from "./deploy-store";
import { builtInFeedId } from "./library-routes";
import { queryValue } from "./model-binding";
import { badRequest, errorBody, notFound, type ServerReply } from "./octopus-resources";
import { parsePackageFileName } from "./package-file-name";
import { byPackageNewestFirst } from "./package-order";
import { pageReply } from "./paging";

/** The built-in feed's packages: `/packages`, `/packages/{id}` and the upload, `POST /packages/raw`. */
export function packageRoutes(context: DeployContext, call: SpaceCall): ServerReply | undefined {
  const [resource = "", id, ...rest] = call.segments;
  if (resource.toLowerCase() !== "packages" || rest.length > 0) return undefined;
  const { request, space } = call;
  if (id?.toLowerCase() === "raw") return request.method === "POST" ? upload(context, call) : undefined;
  if (request.method !== "GET") return undefined;
  const own = context.store.inSpace(context.store.data.packages, space.Id);
  if (id !== undefined) {
    const found = own.find((entry) => entry.Id.toLowerCase() === id.toLowerCase());
    return found ? { status: 200, body: withBuildInformation(context, found) } : notFound;
  }
  const exactId = queryValue(request.query, "nuGetPackageId")?.toLowerCase();
  const filter = queryValue(request.query, "filter")?.toLowerCase() ?? "";
  const items = byPackageNewestFirst(
    own.filter(
      (entry) =>
        (!exactId || entry.PackageId.toLowerCase() === exactId) &&
        entry.PackageId.toLowerCase().includes(filter),
    ),
    queryValue(request.query, "latest")?.toLowerCase() === "true",
  );
  return pageReply(
    request,
    "Package",
    items.map((entry) => withBuildInformation(context, entry)),
    `/api/${space.Id}/packages{/id}{?nuGetPackageId,filter,latest,skip,take,includeNotes}`,
  );
}

/**
 * A package as the API shows it, with the build information of its id and version: matched regardless of
 * case, as servers with the fix of OctopusDeploy/Issues#9246 (2024.3.13138, 2025.1.9129) match it.
 */
function withBuildInformation(context: DeployContext, entry: StoredPackage): object {
  const record = context.records.find(entry.SpaceId, entry.PackageId, entry.Version);
  return { ...entry, PackageVersionBuildInformation: record ?? null };
}

/**
 * One package file from a multipart body (the form field's name varies: `file` from go-octopusdeploy,
 * `fileToUpload` from api-client.ts); its id and version come from the file name. 201 when stored, 200
 * when an existing one is kept (`IgnoreIfExists`), 409 for an existing one otherwise (Issues#2419).
 */
function upload(context: DeployContext, call: SpaceCall): ServerReply {
  const { request, space } = call;
  const { store } = context;
  const fileName = uploadedFileName(request.headers["content-type"] ?? "", request.body);
  if (fileName === undefined) return badRequest(["Please upload a package file as multipart/form-data."]);
  const parsed = parsePackageFileName(fileName);
  if (!parsed) {
    return badRequest([
      `The file name '${fileName}' is not <PackageId>.<Version><extension> with a supported package format.`,
    ]);
  }
  const mode = (queryValue(request.query, "overwriteMode") ?? "").toLowerCase();
  const replace =
    mode === "overwriteexisting" || queryValue(request.query, "replace")?.toLowerCase() === "true";
  const existing = store
    .inSpace(store.data.packages, space.Id)
    .find((entry) => sameKey(entry.PackageId, parsed.packageId) && sameKey(entry.Version, parsed.version));
  if (existing && mode === "ignoreifexists")
    return { status: 200, body: withBuildInformation(context, existing) };
  if (existing && !replace) {
    return {
      status: 409,
      body: errorBody(
        `A package with the same ID (${existing.PackageId}) and version (${existing.Version}) already exists in the built-in repository.`,
      ),
    };
  }
  const stored: StoredPackage = {
    Id: `packages-${parsed.packageId}.${parsed.version}`,
    SpaceId: space.Id,
    PackageId: parsed.packageId,
    Version: parsed.version,
    FeedId: builtInFeedId,
    Title: parsed.packageId,
    Summary: "",
    Description: "",
    Published: context.clock.now(),
    ReleaseNotes: "",
    FileExtension: parsed.extension,
    Links: {
      Self: `/api/${space.Id}/packages/packages-${parsed.packageId}.${parsed.version}`,
      Raw: `/api/${space.Id}/packages/packages-${parsed.packageId}.${parsed.version}/raw`,
    },
  };
  if (existing) store.data.packages.splice(store.data.packages.indexOf(existing), 1, stored);
  else store.data.packages.push(stored);
  store.changed();
  return { status: 201, body: withBuildInformation(context, stored) };
}

/** The `filename` of the first file part of a `multipart/form-data` body. */
function uploadedFileName(contentType: string, body: string): string | undefined {
  if (!/^\s*multipart\/form-data\b/i.test(contentType)) return undefined;
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return undefined;
  for (const part of body.split(`--${delimiter}`)) {
    const headers = part.split(/\r?\n\r?\n/, 1)[0] ?? "";
    const name = /content-disposition:[^\r\n]*?\bfilename="([^"]*)"/i.exec(headers)?.[1];
    // A browser or client may send the whole path; the package name is its last part.
    if (name) return name.split(/[\\/]/).pop();
  }
  return undefined;
}
