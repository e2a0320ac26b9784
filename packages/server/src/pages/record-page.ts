import type { IssueTrackers } from "@buildinfo/core";
import type { StoredBuildInformation } from "../build-information-store";
import { escapeHtml } from "./html";
import { appPaths, withQuery } from "./page-paths";
import { recordViewHtml } from "./record-view";
import { storedRecordView } from "./stored-record-view";

/** One record's page: its fields, work items (with near misses) and commits, and its raw JSON a click away. */
export function recordPageHtml(record: StoredBuildInformation, trackers: IssueTrackers): string {
  const { SpaceId: spaceId, Id: id } = record;
  const others = withQuery(appPaths.buildInformation(spaceId), { packageId: record.PackageId });
  const notes = withQuery(appPaths.releaseNotes(spaceId), { record: id });
  return `<p class="hint"><a href="${escapeHtml(appPaths.buildInformation(spaceId))}">Build information</a> ·
<a href="${escapeHtml(others)}">Every version of ${escapeHtml(record.PackageId)}</a> ·
<a href="${escapeHtml(notes)}">Release notes of this package</a> ·
<a href="${escapeHtml(appPaths.recordJson(spaceId, id))}" type="application/json">Raw JSON</a> (as <code>GET /api/${escapeHtml(spaceId)}/build-information/${escapeHtml(id)}</code> answers)</p>
${recordViewHtml(storedRecordView(record, trackers))}`;
}
