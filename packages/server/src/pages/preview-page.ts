import { markdownToSafeHtml } from "@buildinfo/templates";
import { escapeHtml } from "./html";
import { recordStyle } from "./page-style";
import { type RecordView, recordViewHtml } from "./record-view";

/** What a preview page shows: the records, the rendered notes (Markdown) and what went wrong rendering them. */
export interface PreviewPage {
  title: string;
  /** One line under the title (which issue trackers were assumed, say). */
  summary?: string;
  records: readonly RecordView[];
  /** Sections of Markdown shown as Octopus shows release notes: rendered to HTML. */
  notes: readonly { heading: string; markdown: string }[];
  /** One line each (template diagnostics, warnings). */
  diagnostics: readonly string[];
}

/**
 * Release notes (Markdown) as the Octopus portal shows them, rendered to HTML: raw HTML in the notes is shown
 * as text, images as links, and only http(s) links are made, so notes made of commit messages stay data.
 */
export function releaseNotesHtml(markdown: string): string {
  return `<div class="notes">${markdownToSafeHtml(markdown)}</div>`;
}

// No script, nothing from the network: the policy forbids both, should anything slip through the escaping.
const policy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * One self-contained HTML page: every record and the notes as Octopus would show them, CSS inline, no
 * script, nothing loaded from the network, every value escaped. Suitable to attach to a CI run.
 */
export function previewPageHtml(page: PreviewPage): string {
  const notes = page.notes
    .map(
      (section) =>
        `<section><h2>${escapeHtml(section.heading)}</h2>${releaseNotesHtml(section.markdown)}</section>`,
    )
    .join("");
  const diagnostics =
    page.diagnostics.length === 0
      ? ""
      : `<section class="diagnostics"><h2>Diagnostics</h2><ul>${page.diagnostics
          .map((line) => `<li>${escapeHtml(line)}</li>`)
          .join("")}</ul></section>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)}</title><style>${recordStyle}</style></head>
<body><main><h1>${escapeHtml(page.title)}</h1>${page.summary === undefined ? "" : `<p class="summary">${escapeHtml(page.summary)}</p>`}
${page.records.map(recordViewHtml).join("\n")}
${notes}${diagnostics}
</main></body></html>
`;
}
