import type { StoredBuildInformation } from "../build-information-store";
import { escapeHtml, linkHtml } from "./html";
import { appPaths, withQuery } from "./page-paths";

export const recordsPerPage = 30;

export interface BuildInformationList {
  spaceId: string;
  /** The space's records, newest first. */
  records: readonly StoredBuildInformation[];
  /** Part of a package id, as Octopus's library filters them (case-insensitive). */
  packageFilter: string;
  skip: number;
}

/** Library → Build information: every stored record of the space, filterable by package id, a page at a time. */
export function buildInformationListHtml(list: BuildInformationList): string {
  const filter = list.packageFilter.toLowerCase();
  const matching = list.records.filter((record) => record.PackageId.toLowerCase().includes(filter));
  // Past the end: the last page.
  const lastPage = Math.floor(Math.max(0, matching.length - 1) / recordsPerPage) * recordsPerPage;
  const skip = Math.min(list.skip, lastPage);
  const shown = matching.slice(skip, skip + recordsPerPage);
  const form = `<form class="filter" method="get" action="${escapeHtml(appPaths.buildInformation(list.spaceId))}" role="search">
<div><label for="package-filter">Package id contains</label><input id="package-filter" name="packageId" value="${escapeHtml(list.packageFilter)}"></div>
<button type="submit">Filter</button></form>`;
  if (matching.length === 0) {
    return `${form}<p class="empty">${
      list.records.length === 0
        ? "No build information yet: push some (the command is printed where <code>buildinfo serve</code> started)."
        : `No package id contains “${escapeHtml(list.packageFilter)}”.`
    }</p>`;
  }
  const rows = shown
    .map(
      (record) =>
        `<tr><td class="package"><a href="${escapeHtml(appPaths.record(list.spaceId, record.Id))}">${escapeHtml(record.PackageId)}</a></td>` +
        `<td>${escapeHtml(record.Version)}</td><td>${escapeHtml(record.Branch ?? "")}</td>` +
        `<td>${linkHtml(record.BuildUrl, record.BuildNumber ?? record.BuildUrl ?? "")}</td>` +
        `<td><code>${linkHtml(record.VcsCommitUrl, (record.VcsCommitNumber ?? "").slice(0, 12))}</code></td>` +
        `<td>${record.Commits.length}</td><td>${record.WorkItems.length}</td>` +
        `<td><time datetime="${escapeHtml(record.Created)}">${escapeHtml(record.Created.slice(0, 16).replace("T", " "))}</time></td></tr>`,
    )
    .join("");
  const page = (from: number) =>
    withQuery(appPaths.buildInformation(list.spaceId), {
      packageId: list.packageFilter,
      skip: from || undefined,
    });
  const previous =
    skip > 0
      ? `<a href="${escapeHtml(page(Math.max(0, skip - recordsPerPage)))}" rel="prev">Previous</a>`
      : "";
  const next =
    skip + recordsPerPage < matching.length
      ? `<a href="${escapeHtml(page(skip + recordsPerPage))}" rel="next">Next</a>`
      : "";
  return `${form}<p class="count">${skip + 1}–${skip + shown.length} of ${matching.length} record${matching.length === 1 ? "" : "s"}</p>
<table class="records"><caption class="hint">Newest first. Open a package for its commits and work items.</caption>
<thead><tr><th scope="col">Package</th><th scope="col">Version</th><th scope="col">Branch</th><th scope="col">Build</th><th scope="col">Commit</th><th scope="col">Commits</th><th scope="col">Work items</th><th scope="col">Created</th></tr></thead>
<tbody>${rows}</tbody></table>
${previous || next ? `<nav class="paging" aria-label="Pages of records">${previous}${next}</nav>` : ""}`;
}
