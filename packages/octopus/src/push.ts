import { BuildInfoError, type CreateBuildInformationCommand } from "@buildinfo/core";
import { mayHaveArrived, type RetriedResponse } from "@buildinfo/http";
import type { ApiCaller } from "./api-caller";
import { compareBuildInformation } from "./compare";
import { parsePage, parseResource, responseError, serverWord } from "./response-errors";
import { serverText } from "./server-value";
import type { SpaceResolver } from "./spaces";
import type { BuildInformationRecord, PushOutcome, PushRequest } from "./types";

export interface PushedOutcome {
  record: BuildInformationRecord;
  outcome: Exclude<PushOutcome, "failed">;
  /** Set when the server's answer was lost or failed and the record was read back to confirm it. */
  note?: string;
}

const pushPermission = "BuildInformationPush";
const overwritePermission =
  "BuildInformationPush and BuildInformationAdminister (OverwriteExisting needs both)";

/** The POST body: PascalCase, `SpaceId` always, the overwrite mode also in the body, `Commits` never null. */
export function createCommand(request: PushRequest): CreateBuildInformationCommand {
  return {
    SpaceId: request.spaceId,
    PackageId: request.packageId,
    Version: request.version,
    OverwriteMode: request.overwriteMode,
    OctopusBuildInformation: { ...request.buildInformation, Commits: request.buildInformation.Commits ?? [] },
  };
}

/**
 * One POST for one package. A 409 that follows an earlier attempt whose answer was lost is checked
 * against the stored record: identical means that attempt stored it (success), different is a real
 * conflict. A last answer that is lost or a 5xx is checked the same way (`verifyStored`).
 */
export async function pushOne(
  api: ApiCaller,
  spaces: SpaceResolver,
  request: PushRequest,
  deadline: number,
  listings: VersionListings = new Map(),
): Promise<PushedOutcome> {
  const command = createCommand(request);
  const sentAt = Date.now();
  const target = `${request.packageId} ${request.version}`;
  const doing = `pushing build information for ${target} to space ${request.spaceId}`;
  // IgnoreIfExists and OverwriteExisting answer with the stored record either way: what was there before
  // tells the outcome. The packages of one push share a version, so they share one read of the list.
  const before =
    request.overwriteMode !== "FailIfExists"
      ? await listingOf(listings, api, request, deadline).then(
          (items) => findIn(items, request),
          () => undefined,
        )
      : undefined;
  let answer: RetriedResponse;
  try {
    answer = await api.call({
      method: "POST",
      path: `/api/${request.spaceId}/build-information`,
      query: { overwriteMode: request.overwriteMode },
      body: command,
      deadline,
      doing,
    });
  } catch (error) {
    if (mayHaveArrived(error)) return verifyStored(api, request, command, deadline, error);
    throw error;
  }
  const { response, attempts, earlierAttemptMaybeDelivered } = answer;
  const permissions = request.overwriteMode === "OverwriteExisting" ? overwritePermission : pushPermission;
  const context = api.errorContext(doing, permissions, attempts);

  if (response.status >= 200 && response.status <= 299) {
    const record = parseResource<BuildInformationRecord>(response, context, "the stored record");
    // An answer naming another package or version is not this push's record: nothing says it was stored.
    if (!isRecordOf(record, request)) throw otherRecord(api.server, target, record, context.secrets);
    // Read before the POST when it could be; otherwise the record's age tells (see outcomeOf).
    return { record, outcome: outcomeOf(record, command, sentAt, before !== undefined) };
  }
  if (response.status === 409) {
    if (!earlierAttemptMaybeDelivered) throw conflict(api.server, target, request.spaceId);
    let stored: BuildInformationRecord | undefined;
    try {
      stored = await findStoredRecord(api, request, deadline);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw conflict(
        api.server,
        target,
        request.spaceId,
        [],
        `An earlier attempt's answer was lost and the stored record could not be read back to compare: ${why}`,
      );
    }
    const differing = stored ? compareBuildInformation(stored, command.OctopusBuildInformation) : [];
    if (stored && differing.length === 0) return { record: stored, outcome: "created" };
    throw conflict(api.server, target, request.spaceId, differing);
  }
  if (response.status === 404) {
    // Throws E_SERVER_TOO_OLD or E_HTTP_404_SPACE when the space root says why.
    await spaces.ensureBuildInformation(request.spaceId);
    const names = await spaces.listNames();
    throw new BuildInfoError(
      "E_HTTP_404_SPACE",
      `Octopus answered 404 while ${doing} at ${api.server}: the space does not exist or the key cannot see it.` +
        (names.length > 0 ? ` Spaces that exist: ${names.join(", ")}.` : ""),
      { source: api.server },
    );
  }
  if (response.status >= 500)
    return verifyStored(api, request, command, deadline, responseError(response, context));
  throw responseError(response, context);
}

/**
 * After an answer that was lost (a reset, a timeout) or a 5xx, the server may still have stored the
 * record: it is read back and, when it matches this build, the push succeeded and says so.
 */
async function verifyStored(
  api: ApiCaller,
  request: PushRequest,
  command: CreateBuildInformationCommand,
  deadline: number,
  failure: BuildInfoError,
): Promise<PushedOutcome> {
  const stored = await findStoredRecord(api, request, deadline).catch(() => undefined);
  if (stored === undefined || compareBuildInformation(stored, command.OctopusBuildInformation).length > 0)
    throw failure;
  return {
    record: stored,
    outcome: "created",
    note: `${failure.message.split("\n")[0]} The record was read back and matches this build, so it is stored.`,
  };
}

/** How far the server's clock may lag ours before a record it has just made looks older than the push. */
const clockSkewMs = 60_000;

function outcomeOf(
  record: BuildInformationRecord,
  command: CreateBuildInformationCommand,
  sentAt: number,
  existedBefore: boolean,
): PushedOutcome["outcome"] {
  if (command.OverwriteMode === "IgnoreIfExists") {
    if (existedBefore) return "ignored";
    // The server answers IgnoreIfExists with the record it kept; if that is not ours, ours was ignored.
    if (compareBuildInformation(record, command.OctopusBuildInformation).length > 0) return "ignored";
    // Ours, but made before this push (a re-run that changed nothing): kept, not created now.
    const created = Date.parse(serverText(record.Created) ?? "");
    return created < sentAt - clockSkewMs ? "ignored" : "created";
  }
  if (command.OverwriteMode === "OverwriteExisting") {
    if (existedBefore) return "overwritten";
    // A replaced record keeps its creation time and gets a new modification time. Replaced within the
    // millisecond it was made, the two are equal: only the read before the POST can tell, and a record
    // another push makes between that read and this POST is reported created by both (docs/cli.md).
    const created = Date.parse(serverText(record.Created) ?? "");
    const modified = Date.parse(serverText(record.LastModifiedOn) ?? "");
    return modified > created ? "overwritten" : "created";
  }
  return "created";
}

function otherRecord(
  server: string,
  target: string,
  record: BuildInformationRecord,
  secrets: readonly string[],
): BuildInfoError {
  const named = `${serverWord(record.PackageId, secrets, 120)} ${serverWord(record.Version, secrets, 120)}`;
  return new BuildInfoError(
    "E_BAD_RESPONSE",
    `Octopus answered the push of ${target} at ${server} with the record of ${named} (${serverWord(record.Id, secrets, 120)}): ` +
      "this push's record may not be stored.",
    {
      source: server,
      hint: "Something between buildinfo and Octopus answered for another request (a caching proxy?); check with 'buildinfo list'.",
    },
  );
}

function conflict(
  server: string,
  target: string,
  spaceId: string,
  differing: string[] = [],
  note?: string,
): BuildInfoError {
  const detail =
    (differing.length > 0 ? ` The stored record differs from this build in ${differing.join(", ")}.` : "") +
    (note ? ` ${note}` : "");
  return new BuildInfoError(
    "E_HTTP_409",
    `Build information for ${target} already exists in space ${spaceId} on ${server} (HTTP 409).${detail}`,
    {
      source: server,
      hint:
        "Use the overwrite mode IgnoreIfExists to keep the stored record (e.g. on a re-run), or OverwriteExisting " +
        "to replace it (needs BuildInformationAdminister).",
    },
  );
}

/** Each space's and version's list of build information, read once for all the packages of one push. */
export type VersionListings = Map<string, Promise<BuildInformationRecord[]>>;

function listingOf(
  listings: VersionListings,
  api: ApiCaller,
  request: PushRequest,
  deadline: number,
): Promise<BuildInformationRecord[]> {
  const key = `${request.spaceId}\n${request.version.toLowerCase()}`;
  let listing = listings.get(key);
  if (listing === undefined) {
    listing = listVersion(api, request, deadline);
    listings.set(key, listing);
  }
  return listing;
}

/**
 * The records of this version as the list shows them (their commits may be left out). One query, by
 * version: the server refuses `packageId` together with `filter`, and a version names far fewer records
 * than a package has versions.
 */
async function listVersion(
  api: ApiCaller,
  request: PushRequest,
  deadline: number,
): Promise<BuildInformationRecord[]> {
  const doing = `reading back build information for ${request.packageId} ${request.version}`;
  const { response, attempts } = await api.call({
    method: "GET",
    path: `/api/${request.spaceId}/build-information`,
    query: { filter: request.version, take: 1000 },
    deadline,
    doing,
  });
  const context = api.errorContext(doing, "BuildInformationView", attempts);
  if (response.status < 200 || response.status > 299) throw responseError(response, context);
  return parsePage<BuildInformationRecord>(response, context, "build information").Items;
}

/** Whether a record the server gave is this package id and version (as Octopus compares them, in any case). */
function isRecordOf(record: BuildInformationRecord, request: PushRequest): boolean {
  const same = (value: unknown, wanted: string) => serverText(value)?.toLowerCase() === wanted.toLowerCase();
  return same(record.PackageId, request.packageId) && same(record.Version, request.version);
}

/** The record of exactly this package id and version in a list, if any. */
function findIn(items: BuildInformationRecord[], request: PushRequest): BuildInformationRecord | undefined {
  return items.find((item) => isRecordOf(item, request));
}

/** The stored record of this package and version with its commits, if any (to compare with a push). */
async function findStoredRecord(
  api: ApiCaller,
  request: PushRequest,
  deadline: number,
): Promise<BuildInformationRecord | undefined> {
  // Read afresh, not from the push's shared list: this asks what the POST stored.
  const found = findIn(await listVersion(api, request, deadline), request);
  if (!found || Array.isArray(found.Commits)) return found;
  const doing = `reading back build information for ${request.packageId} ${request.version}`;
  const path = `/api/${request.spaceId}/build-information/${found.Id}`;
  const full = await api.call({ method: "GET", path, deadline, doing });
  if (full.response.status !== 200) return found;
  return parseResource<BuildInformationRecord>(
    full.response,
    api.errorContext(doing, "BuildInformationView"),
    "the stored record",
  );
}
