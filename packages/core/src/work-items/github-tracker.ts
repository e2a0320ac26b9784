import { isNullOrWhiteSpace } from "./dotnet-text";
import { type GitHubReference, parseGitHubReferences } from "./github-comment-parser";
import { type GitHubIssueLookup, gitHubDescription } from "./github-description";
import { gitHubIssueLink } from "./github-issue-link";
import { gitHubNearMisses } from "./github-near-misses";
import { quote } from "./quote";
import type { BuildInformationRecord, WorkItemResult } from "./work-item-result";

/** Octopus's GitHub issue tracker as configured on the server. */
export interface GitHubTracker {
  /** Its GitHub base URL, e.g. `https://github.com` (used as written). */
  baseUrl: string;
  /** Its Release Note Prefix, if set. */
  releaseNotePrefix?: string;
  /** Reads issues for descriptions; without it a description is the issue number, as Octopus's is when GitHub cannot be read. */
  issues?: GitHubIssueLookup;
}

// OctopusDeploy/GitHubIssueTracker source/Server/WorkItems/WorkItemLinkMapper.cs, Map:
// docs/reference/octopus-work-items.md#github
const azureReposPath = "/_git/";
const closingKeywords = /^(?:fix|fixe[sd]|close[sd]?|resolve[sd]?)$/i;

/** The GitHub work items Octopus derives from the record's messages, then the references it passes over. */
export function mapGitHubWorkItems(
  record: BuildInformationRecord,
  tracker: GitHubTracker | undefined,
): WorkItemResult[] {
  const references = record.Commits.flatMap((commit) => parseGitHubReferences(commit.Comment));
  const notRead = whyMessagesAreNotRead(record, tracker);
  if (notRead !== undefined) return distinctById(references).map((reference) => ignored(reference, notRead));
  const { baseUrl, releaseNotePrefix, issues } = tracker!;
  const vcsRoot = record.VcsRoot ?? undefined;
  const kept = new Map<string, WorkItemResult>();
  const dropped: WorkItemResult[] = [];
  for (const reference of references) {
    const linkUrl = gitHubIssueLink(baseUrl, vcsRoot, reference.linkData);
    // WorkItemLink equality: Id, ordinal ignoring case; Distinct keeps the first.
    const first = kept.get(reference.issueNumber.toUpperCase());
    if (first === undefined) {
      const description = gitHubDescription(
        vcsRoot,
        reference.issueNumber,
        reference.linkData,
        releaseNotePrefix,
        issues,
      );
      kept.set(reference.issueNumber.toUpperCase(), {
        id: reference.issueNumber,
        linkUrl,
        description,
        source: "GitHub",
        status: "linked",
        ...quirks(reference, baseUrl, linkUrl),
      });
    } else if (first.linkUrl !== linkUrl) {
      dropped.push({
        ...ignored(
          reference,
          `Octopus keeps one GitHub work item per number: it lists ${first.linkUrl} and drops ${quote(reference.linkData)}.`,
        ),
        suggestion:
          "Octopus cannot list two GitHub issues with the same number for one build; name the second in the release notes yourself.",
      });
    }
  }
  return [...kept.values(), ...dropped, ...gitHubNearMisses(record.Commits, new Set(kept.keys()))];
}

function whyMessagesAreNotRead(
  record: BuildInformationRecord,
  tracker: GitHubTracker | undefined,
): string | undefined {
  if (tracker === undefined)
    return "No GitHub issue tracker is configured, so Octopus lists no GitHub issues.";
  if (isNullOrWhiteSpace(tracker.baseUrl))
    return "The GitHub issue tracker has no base URL, so Octopus lists no GitHub issues.";
  if (record.VcsRoot === undefined || record.VcsRoot === null)
    return "The record has no VcsRoot, and Octopus's GitHub tracker fails without one.";
  if (record.VcsRoot.includes(azureReposPath))
    return `VcsRoot ${record.VcsRoot} is an Azure Repos URL (/_git/), so Octopus's GitHub tracker ignores this build's messages.`;
  return undefined;
}

function distinctById(references: GitHubReference[]): GitHubReference[] {
  const seen = new Set<string>();
  return references.filter((reference) => {
    const key = reference.issueNumber.toUpperCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function ignored(reference: GitHubReference, reason: string): WorkItemResult {
  return {
    id: reference.issueNumber,
    linkUrl: "",
    description: reference.issueNumber,
    source: "GitHub",
    status: "ignored",
    reason,
  };
}

/** Why a linked reference's link or reading is not what the message meant, and what to write instead. */
function quirks(
  reference: GitHubReference,
  baseUrl: string,
  linkUrl: string,
): Pick<WorkItemResult, "reason" | "suggestion"> {
  const { linkData, issueNumber, keyword, index, comment } = reference;
  const reasons: string[] = [];
  const suggestions: string[] = [];
  const owner = linkData.split("#")[0]!;
  if (/^GH-/i.test(linkData)) {
    reasons.push(
      `Octopus links ${quote(linkData)} as ${linkUrl}, which is not an issue page (OctopusDeploy/Issues#10186).`,
    );
    suggestions.push(`Write "Fixes #${issueNumber}".`);
  } else if (/^http/i.test(linkData) && !linkData.startsWith("http")) {
    reasons.push(
      `Octopus uses a link as written only when it starts with lower-case "http", so it links ${linkUrl}.`,
    );
    suggestions.push(`Write the URL in lower case, or "Fixes owner/repo#${issueNumber}".`);
  } else if (owner !== "" && !owner.includes("/") && !linkData.startsWith("http")) {
    reasons.push(
      /^AB$/i.test(owner)
        ? `${quote(linkData)} is Azure Boards syntax, but Octopus's GitHub tracker reads it as GitHub repository "${owner}" issue ${issueNumber}: it links ${linkUrl}, which does not exist, and describes it with issue ${issueNumber} of the build's own repository (OctopusDeploy/Issues#10176).`
        : `Octopus reads ${quote(linkData)} as repository "${owner}" without an owner and links ${linkUrl}, which does not exist.`,
    );
    suggestions.push(
      /^AB$/i.test(owner)
        ? `Keep closing keywords away from Azure Boards mentions (e.g. "Checkout fix (${linkData})"); Octopus lists Azure Boards work items only for builds run by Azure DevOps.`
        : `Write "Fixes owner/repo#${issueNumber}" with both the owner and the repository (base URL ${baseUrl}).`,
    );
  }
  const before = comment[index - 1];
  if (before !== undefined && /[\p{L}\p{N}_]/u.test(before)) {
    const word = /[\p{L}\p{N}_]*$/u.exec(comment.slice(0, index))![0] + keyword;
    reasons.push(
      `Octopus links it because its pattern finds "${keyword}" inside "${word}": it has no word boundary.`,
    );
    suggestions.push(
      `If this commit closes it, write "Fixes ${linkData}"; if not, keep "${word}" off the reference, e.g. "${word} (${linkData})".`,
    );
  } else if (!closingKeywords.test(keyword)) {
    reasons.push(
      `Octopus links it because its pattern takes "${keyword}" for a closing keyword ([d|s]* and [ed|es]* are character sets).`,
    );
    suggestions.push(`Write "Fixes ${linkData}" if this commit closes it.`);
  }
  return reasons.length === 0 ? {} : { reason: reasons.join(" "), suggestion: suggestions.join(" ") };
}
