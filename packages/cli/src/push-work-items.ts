import {
  type BuildInformation,
  type IssueTrackers,
  mapBuildInformation,
  type WorkItemResult,
} from "@buildinfo/core";
import type { PushedRecord } from "@buildinfo/octopus";
import { displayLine } from "./display-text";
import { hasTrackerFlags, type TrackerFlags, trackersFromFlags } from "./preview/issue-trackers";

/** What Octopus linked for one package, and what the preview expected that it did not. */
export interface WorkItemCheck {
  linked: { id: string; source: string; linkUrl: string | null }[];
  notLinked: { id: string; source: string; reason: string }[];
}

/** More would bury the build log; the rest are counted. */
const namesShown = 20;

/**
 * The work items the preview expects Octopus to list for this build (`linked` or `unconfirmed`): with the
 * trackers the flags name, or, when none is named, as if Octopus had GitHub and Jira trackers, so that every
 * reference a message makes is checked against the answer.
 */
export function expectedWorkItems(
  info: BuildInformation,
  flags: TrackerFlags,
): { items: WorkItemResult[]; assumed: boolean } {
  const assumed = !hasTrackerFlags(flags);
  const trackers: IssueTrackers = assumed
    ? { github: { baseUrl: "https://github.com" }, jira: { baseUrl: "https://jira.invalid" } }
    : trackersFromFlags(flags).trackers;
  const items = mapBuildInformation(info, trackers).workItems.filter((item) => item.status !== "ignored");
  return { items, assumed };
}

/** Octopus's answer against the preview: the work items it listed, and each expected one it did not. */
export function checkWorkItems(
  expected: { items: WorkItemResult[]; assumed: boolean },
  record: PushedRecord,
): WorkItemCheck {
  const answered = (Array.isArray(record.WorkItems) ? record.WorkItems : []).filter(
    (item) => typeof item?.Id === "string",
  );
  const key = (source: string | null | undefined, id: string) => `${source ?? ""}\n${id.toUpperCase()}`;
  const listed = new Set(answered.map((item) => key(item.Source, item.Id)));
  return {
    linked: answered.map((item) => ({
      id: item.Id,
      source: typeof item.Source === "string" ? item.Source : "",
      linkUrl: typeof item.LinkUrl === "string" ? item.LinkUrl : null,
    })),
    notLinked: expected.items
      .filter((item) => !listed.has(key(item.source, item.id)))
      .map((item) => ({ id: item.id, source: item.source, reason: whyNotLinked(item, expected.assumed) })),
  };
}

function whyNotLinked(item: WorkItemResult, assumed: boolean): string {
  if (item.source === "Jira") {
    return assumed
      ? "Octopus's Jira connection did not find the key, or Octopus has no Jira issue tracker"
      : "Octopus's Jira connection did not find the key";
  }
  return assumed
    ? `Octopus has no ${item.source} issue tracker, or it is off`
    : `Octopus did not list it: check that its ${item.source} issue tracker is on`;
}

/**
 * The lines under a package's push line: what Octopus linked, and what it did not that the preview expected.
 * Each id the server gave is one short line of text, so an answer cannot flood or forge the log.
 */
export function workItemCheckLines(check: WorkItemCheck): string[] {
  const names = <T>(items: T[], name: (item: T) => string) => {
    const shown = items.slice(0, namesShown).map(name);
    return items.length > namesShown
      ? [...shown, `and ${items.length - namesShown} more`].join(", ")
      : shown.join(", ");
  };
  const lines: string[] = [];
  if (check.linked.length > 0) {
    lines.push(
      `work items Octopus linked: ${names(check.linked, (item) => `${displayLine(item.id)} (${displayLine(item.source)})`)}`,
    );
  }
  if (check.notLinked.length > 0) {
    lines.push(
      `expected but not linked: ${names(check.notLinked, (item) => `${displayLine(item.id)} (${item.source}: ${item.reason})`)}`,
    );
  }
  return lines;
}
