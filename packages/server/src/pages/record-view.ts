import type { ReleasePackage } from "@buildinfo/templates";
import { escapeHtml, linkHtml } from "./html";

/** What Octopus makes of one package's build information: its record, its commit links and its work items. */
export interface RecordView {
  packageId: string;
  version: string;
  buildEnvironment?: string | undefined;
  buildNumber?: string | undefined;
  buildUrl?: string | undefined;
  branch?: string | undefined;
  vcsType?: string | undefined;
  vcsRoot?: string | undefined;
  vcsCommitNumber?: string | undefined;
  vcsCommitUrl?: string | undefined;
  /** When the server stored it (a stored record's `Created`). */
  created?: string | undefined;
  commits: readonly { id: string; comment: string; linkUrl?: string | undefined }[];
  /** A stored record's work items are `linked`; a preview's come with their status and why. */
  workItems: readonly {
    id: string;
    linkUrl: string;
    description: string;
    source: string;
    status: "linked" | "unconfirmed" | "ignored";
    reason?: string | undefined;
    suggestion?: string | undefined;
  }[];
}

/** A stored record's fields as the server (or a real Octopus) answers with them. */
export type StoredRecordFields = Omit<ReleasePackage, "Commits" | "WorkItems"> & {
  Created?: string | undefined;
};

const defined = (value: string | null | undefined) => (value === null || value === "" ? undefined : value);

/** The view's fields of a stored record, each empty one left out. */
export function storedRecordFields(record: StoredRecordFields): Omit<RecordView, "commits" | "workItems"> {
  return {
    packageId: record.PackageId,
    version: record.Version,
    buildEnvironment: defined(record.BuildEnvironment),
    buildNumber: defined(record.BuildNumber),
    buildUrl: defined(record.BuildUrl),
    branch: defined(record.Branch),
    vcsType: defined(record.VcsType),
    vcsRoot: defined(record.VcsRoot),
    vcsCommitNumber: defined(record.VcsCommitNumber),
    vcsCommitUrl: defined(record.VcsCommitUrl),
    created: defined(record.Created),
  };
}

const statusWords = {
  linked: "linked",
  unconfirmed: "unconfirmed",
  ignored: "not linked",
} as const;

/** One package's record as an HTML fragment (a `<section>`); every value escaped, only http(s) links. */
export function recordViewHtml(view: RecordView): string {
  const fields: [string, string | undefined, string | undefined][] = [
    ["Build", view.buildNumber ?? view.buildUrl, view.buildUrl],
    ["Build server", view.buildEnvironment, undefined],
    ["Branch", view.branch, undefined],
    ["Repository", view.vcsRoot, view.vcsRoot],
    ["Commit", view.vcsCommitNumber, view.vcsCommitUrl],
    ["VCS type", view.vcsType, undefined],
    ["Created", view.created, undefined],
  ];
  const rows = fields
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([name, value, url]) => `<tr><th>${name}</th><td>${linkHtml(url, value!)}</td></tr>`)
    .join("");
  const commits = view.commits
    .map(
      (commit) =>
        `<li><code>${linkHtml(commit.linkUrl, commit.id.slice(0, 12))}</code> <span class="message">${escapeHtml(commit.comment)}</span></li>`,
    )
    .join("");
  const workItems = view.workItems
    .map(
      (item) =>
        `<tr class="${item.status}"><td>${linkHtml(item.linkUrl, item.id)}</td><td>${escapeHtml(item.source)}</td>` +
        `<td><span class="status">${statusWords[item.status]}</span></td><td>${escapeHtml(item.description)}` +
        (item.reason ? `<div class="reason">${escapeHtml(item.reason)}</div>` : "") +
        (item.suggestion ? `<div class="suggestion">${escapeHtml(item.suggestion)}</div>` : "") +
        "</td></tr>",
    )
    .join("");
  return (
    `<section class="record"><h2>${escapeHtml(view.packageId)} <span class="version">${escapeHtml(view.version)}</span></h2>` +
    (rows ? `<table class="fields">${rows}</table>` : "") +
    `<h3>Work items (${view.workItems.length})</h3>` +
    (workItems
      ? `<table class="work-items"><tr><th>Id</th><th>Tracker</th><th>Status</th><th>Description</th></tr>${workItems}</table>`
      : "<p>None.</p>") +
    `<h3>Commits (${view.commits.length})</h3>` +
    (commits ? `<ul class="commits">${commits}</ul>` : "<p>None.</p>") +
    "</section>"
  );
}
