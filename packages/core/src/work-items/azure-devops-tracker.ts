import type { AzureDevOpsWorkItem } from "./azure-devops-api";
import { parseAzureDevOpsBuildUrl } from "./azure-devops-build-urls";
import { dotnetTrim, isNullOrWhiteSpace } from "./dotnet-text";
import { escapedPrefixPattern, lastMatchingComment } from "./release-note";
import type { BuildInformationRecord, WorkItemResult } from "./work-item-result";

/** Octopus's Azure DevOps issue tracker as configured on the server. */
export interface AzureDevOpsTracker {
  /** The Release Note Prefix of the connection Octopus uses for the build (`mostQualifiedAzureDevOpsConnection`). */
  releaseNotePrefix?: string;
  /** The build's work items, read from Azure DevOps (`readAzureDevOpsWorkItem` …); without them none can be listed. */
  buildWorkItems?: readonly AzureDevOpsWorkItem[];
}

// OctopusDeploy/AzureDevOpsIssueTracker source/Server/WorkItems/WorkItemLinkMapper.cs and
// AdoClients/AdoApiClient.cs: docs/reference/octopus-work-items.md#azure-devops
const azureBoardsMention = /(?<![\p{L}\p{N}_])AB#(\p{Nd}+)/giu;

/**
 * The Azure DevOps work items Octopus lists: only for a build whose `BuildEnvironment` is exactly
 * "Azure DevOps" with a `BuildUrl` it can read, and then the build's own work items, never the messages'.
 * Outside such builds, `AB#N` mentions are reported as ignored (OctopusDeploy/Issues#10176).
 */
export function mapAzureDevOpsWorkItems(
  record: BuildInformationRecord,
  tracker: AzureDevOpsTracker | undefined,
): WorkItemResult[] {
  if (tracker === undefined) return [];
  const build =
    record.BuildEnvironment === "Azure DevOps" && !isNullOrWhiteSpace(record.BuildUrl)
      ? parseAzureDevOpsBuildUrl(record.BuildUrl)
      : undefined;
  if (build === undefined) return mentionsOutsideAzureDevOps(record);
  return (tracker.buildWorkItems ?? []).map((item) => ({
    id: String(item.id),
    linkUrl: `${build.projectUrl}/_workitems?_a=edit&id=${item.id}`,
    description: azureDevOpsDescription(item, tracker.releaseNotePrefix),
    source: "Azure DevOps",
    status: "linked",
  }));
}

/** `GetWorkItemLink`'s description: the release note, else the title, else the id. */
function azureDevOpsDescription(item: AzureDevOpsWorkItem, releaseNotePrefix: string | undefined): string {
  const readable =
    item.title !== undefined &&
    item.commentCount !== 0 &&
    item.comments !== undefined &&
    !isNullOrWhiteSpace(releaseNotePrefix);
  const pattern = readable ? escapedPrefixPattern(releaseNotePrefix!) : undefined;
  const comment = pattern && lastMatchingComment(item.comments!, pattern);
  const releaseNote = comment === undefined ? undefined : dotnetTrim(comment.replace(pattern!, ""));
  if (!isNullOrWhiteSpace(releaseNote)) return releaseNote;
  return item.title !== undefined && !isNullOrWhiteSpace(item.title) ? item.title : String(item.id);
}

function mentionsOutsideAzureDevOps(record: BuildInformationRecord): WorkItemResult[] {
  const reason =
    record.BuildEnvironment === "Azure DevOps"
      ? `Octopus cannot read this build's BuildUrl as …/{project}/_build/results?buildId=N, so it lists no Azure DevOps work items.`
      : `Octopus's Azure DevOps tracker lists work items only for builds whose BuildEnvironment is "Azure DevOps" (this one is "${record.BuildEnvironment ?? ""}"), and never from messages (OctopusDeploy/Issues#10176).`;
  const ids = new Set(
    record.Commits.flatMap((commit) =>
      Array.from(commit.Comment.matchAll(azureBoardsMention), (match) => match[1]!),
    ),
  );
  return [...ids].map((id) => ({
    id,
    linkUrl: "",
    description: id,
    source: "Azure DevOps",
    status: "ignored",
    reason,
    suggestion:
      "Push this build's information from the Azure DevOps pipeline that built it, or name the work item in the release notes yourself.",
  }));
}
