import { BuildInfoError, shortenedLine } from "@buildinfo/core";
import { previewPageHtml, type RecordView } from "@buildinfo/server";
import type { PreviewResult } from "./build-preview";

export const previewFormats = ["text", "markdown", "html", "json"] as const;
export type PreviewFormat = (typeof previewFormats)[number];

const statusWords = { linked: "linked", unconfirmed: "unconfirmed", ignored: "not linked" } as const;

function trackersLine(result: PreviewResult): string {
  const { trackers, from } = result.trackers;
  const named = [
    trackers.github && `GitHub ${trackers.github.baseUrl}`,
    trackers.jira && `Jira ${trackers.jira.baseUrl}`,
    trackers.azureDevOps && "Azure DevOps",
  ].filter(Boolean);
  const where = { flags: "from the command line", server: "the server's", none: "none given" }[from];
  return `Issue trackers (${where}): ${named.length > 0 ? named.join(", ") : "none"}`;
}

/** The same build's record, once: later packages of the same build refer to the first. */
function sameBuild(a: RecordView, b: RecordView): boolean {
  return (
    a.vcsCommitNumber === b.vcsCommitNumber &&
    a.buildUrl === b.buildUrl &&
    a.commits.length === b.commits.length &&
    a.workItems.length === b.workItems.length
  );
}

function recordText(view: RecordView): string[] {
  const lines = [`${view.packageId} ${view.version}`];
  if (view.vcsCommitUrl) lines.push(`  VcsCommitUrl  ${view.vcsCommitUrl}`);
  lines.push(`  Commits (${view.commits.length}):`);
  for (const commit of view.commits) {
    lines.push(
      `    ${commit.id.slice(0, 10)}  ${commit.linkUrl ?? "(no link)"}  ${shortenedLine(commit.comment.split("\n")[0] ?? "")}`,
    );
  }
  lines.push(`  Work items (${view.workItems.length}):`);
  const idWidth = Math.max(0, ...view.workItems.map((item) => item.id.length));
  for (const item of view.workItems) {
    lines.push(
      `    ${statusWords[item.status].padEnd(11)}  ${item.source.padEnd(12)}  ${item.id.padEnd(idWidth)}  ${item.linkUrl || "(no link)"}`,
    );
    if (item.description !== item.id) lines.push(`        description: ${shortenedLine(item.description)}`);
    if (item.reason) lines.push(`        why: ${item.reason}`);
    if (item.suggestion) lines.push(`        instead: ${item.suggestion}`);
  }
  return lines;
}

/** For a terminal or a build log: each record, then the notes, then what to look at. */
export function previewText(result: PreviewResult): string {
  const lines = [trackersLine(result), ""];
  const shown: RecordView[] = [];
  for (const { view, stored } of result.packages) {
    const first = stored ? undefined : shown.find((other) => sameBuild(other, view));
    if (first === undefined) {
      lines.push(...recordText(view), "");
      if (!stored) shown.push(view);
    } else {
      lines.push(`${view.packageId} ${view.version}: the same build as ${first.packageId}, as above.`, "");
    }
  }
  if (result.releaseNotes)
    lines.push(`Release notes (${result.releaseNotes.template}):`, "", result.releaseNotes.markdown, "");
  if (result.deploymentChanges) {
    const { environment, releases, template, markdown } = result.deploymentChanges;
    lines.push(
      `Deployment changes to ${environment}, ${releases.join(", ")} (${template}):`,
      "",
      markdown,
      "",
    );
  }
  for (const diagnostic of result.diagnostics) lines.push(diagnosticLine(diagnostic));
  return `${lines.join("\n").trimEnd()}\n`;
}

function diagnosticLine(diagnostic: PreviewResult["diagnostics"][number]): string {
  const where = diagnostic.line === undefined ? "" : ` line ${diagnostic.line}, column ${diagnostic.column}`;
  const what = diagnostic.source === "preview" ? "note" : `${diagnostic.source}${where}: ${diagnostic.code}`;
  return `${what}: ${diagnostic.message}`;
}

/** The rendered notes alone: the deployment changes when asked for, else the release notes. */
export function previewMarkdown(result: PreviewResult): string {
  const markdown = result.deploymentChanges?.markdown ?? result.releaseNotes?.markdown;
  if (markdown === undefined) {
    throw new BuildInfoError(
      "E_USAGE",
      "--format markdown prints the release notes, and there are none to render.",
      {
        hint: "Pass --template FILE, or --project NAME (with --server) for the project's own template.",
        source: "--format",
      },
    );
  }
  return markdown.endsWith("\n") ? markdown : `${markdown}\n`;
}

/** The JSON schema docs/cli.md documents (`preview --format json`). */
export function previewJson(result: PreviewResult): string {
  const document = {
    trackers: {
      from: result.trackers.from,
      github: result.trackers.trackers.github?.baseUrl ?? null,
      jira: result.trackers.trackers.jira?.baseUrl ?? null,
      azureDevOps: result.trackers.trackers.azureDevOps !== undefined,
    },
    packages: result.packages.map(({ view, stored }) => ({
      packageId: view.packageId,
      version: view.version,
      stored,
      vcsCommitUrl: view.vcsCommitUrl ?? null,
      commits: view.commits.map((commit) => ({ id: commit.id, linkUrl: commit.linkUrl ?? null })),
      workItems: view.workItems.map((item) => ({
        id: item.id,
        linkUrl: item.linkUrl || null,
        description: item.description,
        source: item.source,
        status: item.status,
        reason: item.reason ?? null,
        suggestion: item.suggestion ?? null,
      })),
    })),
    releaseNotes: result.releaseNotes?.markdown ?? null,
    deploymentChanges:
      result.deploymentChanges === undefined
        ? null
        : {
            environment: result.deploymentChanges.environment,
            releases: result.deploymentChanges.releases,
            markdown: result.deploymentChanges.markdown,
          },
    diagnostics: result.diagnostics.map((diagnostic) => ({
      source: diagnostic.source,
      code: diagnostic.code,
      message: diagnostic.message,
      line: diagnostic.line ?? null,
      column: diagnostic.column ?? null,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One self-contained page: the records and the notes as Octopus shows them. */
export function previewHtml(result: PreviewResult): string {
  const first = result.packages[0]?.view;
  return previewPageHtml({
    title:
      first === undefined
        ? "What Octopus will show"
        : `What Octopus will show for ${first.packageId} ${first.version}`,
    records: result.packages.map((pkg) => pkg.view),
    notes: [
      ...(result.releaseNotes ? [{ heading: "Release notes", markdown: result.releaseNotes.markdown }] : []),
      ...(result.deploymentChanges
        ? [
            {
              heading: `Deployment changes to ${result.deploymentChanges.environment}`,
              markdown: result.deploymentChanges.markdown,
            },
          ]
        : []),
    ],
    summary: trackersLine(result),
    diagnostics: result.diagnostics.map(diagnosticLine),
  });
}
