import type { BuildInformation, MappedBuildInformation } from "@buildinfo/core";
import type { BuildInformationRecord } from "@buildinfo/octopus";
import { type RecordView, storedRecordFields } from "@buildinfo/server";
import type { ReleasePackage } from "@buildinfo/templates";

/** One package as the preview shows it (`view`) and as its release notes read it (`release`). */
export interface PreviewPackage {
  view: RecordView;
  release: ReleasePackage;
  /** Read from the server (`--with-package`) rather than computed here. */
  stored: boolean;
}

const defined = (value: string | null | undefined) => (value === null || value === "" ? undefined : value);

/** What release notes read of a package: its build fields, and the view's commits and listed work items. */
function releaseOf(
  build: Omit<ReleasePackage, "Commits" | "WorkItems">,
  commits: RecordView["commits"],
  workItems: RecordView["workItems"],
): ReleasePackage {
  return {
    ...build,
    Commits: commits.map((commit) => ({ Id: commit.id, Comment: commit.comment, LinkUrl: commit.linkUrl })),
    WorkItems: workItems.map((item) => ({
      Id: item.id,
      LinkUrl: item.linkUrl,
      Source: item.source,
      Description: item.description,
    })),
  };
}

/**
 * A package of this build: the record as Octopus will map it. Its release notes list the work items Octopus
 * lists (`linked`) and those it lists once Jira confirms them (`unconfirmed`).
 */
export function packageOfBuild(
  packageId: string,
  version: string,
  info: BuildInformation,
  mapped: MappedBuildInformation,
): PreviewPackage {
  const commits = info.Commits.map((commit, index) => ({
    id: commit.Id,
    comment: commit.Comment,
    linkUrl: mapped.commits[index]?.linkUrl,
  }));
  const listed = mapped.workItems.filter((item) => item.status !== "ignored");
  return {
    stored: false,
    view: {
      packageId,
      version,
      buildEnvironment: info.BuildEnvironment,
      buildNumber: info.BuildNumber,
      buildUrl: info.BuildUrl,
      branch: info.Branch,
      vcsType: info.VcsType,
      vcsRoot: info.VcsRoot,
      vcsCommitNumber: info.VcsCommitNumber,
      vcsCommitUrl: mapped.vcsCommitUrl,
      commits,
      workItems: mapped.workItems,
    },
    release: releaseOf(
      {
        PackageId: packageId,
        Version: version,
        BuildEnvironment: info.BuildEnvironment,
        BuildNumber: info.BuildNumber,
        BuildUrl: info.BuildUrl,
        Branch: info.Branch,
        VcsType: info.VcsType,
        VcsRoot: info.VcsRoot,
        VcsCommitNumber: info.VcsCommitNumber,
        VcsCommitUrl: mapped.vcsCommitUrl,
      },
      commits,
      listed,
    ),
  };
}

/** A package whose build information the server stores: what Octopus mapped, its work items all listed. */
export function storedPackage(record: BuildInformationRecord): PreviewPackage {
  const commits = (record.Commits ?? []).map((commit) => ({
    id: String(commit.Id),
    comment: String(commit.Comment ?? ""),
    linkUrl: defined(commit.LinkUrl),
  }));
  const workItems = (record.WorkItems ?? []).map((item) => ({
    id: String(item.Id),
    linkUrl: defined(item.LinkUrl) ?? "",
    description: defined(item.Description) ?? String(item.Id),
    source: defined(item.Source) ?? "",
    status: "linked" as const,
  }));
  return {
    stored: true,
    view: {
      ...storedRecordFields(record),
      commits,
      workItems,
    },
    release: releaseOf(record, commits, workItems),
  };
}
