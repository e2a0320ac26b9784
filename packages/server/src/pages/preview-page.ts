import { markdownToSafeHtml } from "@buildinfo/templates";
import { escapeHtml } from "./html";
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

const style = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;margin:0;background:#f5f7fa}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{font-size:1.5rem;margin:0 0 1rem}
section{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.25rem}
h2{font-size:1.2rem;margin:0 0 .5rem}h2 .version{color:#52606d;font-weight:normal}h3{font-size:1rem;margin:1rem 0 .4rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e4e7eb}
.fields th{width:9rem;color:#52606d;font-weight:normal}.commits{padding-left:1.2rem}.commits li{margin:.2rem 0}
.message{white-space:pre-wrap}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
.status{display:inline-block;white-space:nowrap;border-radius:3px;padding:0 .4rem;font-size:.85rem}
.linked .status{background:#e3f9e5;color:#05400a}.unconfirmed .status{background:#fffbea;color:#8d2b0b}
.ignored .status{background:#f0f4f8;color:#3e4c59}.reason,.suggestion{font-size:.85rem;color:#52606d}
.suggestion::before{content:"Instead: ";font-weight:600}.notes pre{background:#f0f4f8;padding:.5rem;overflow:auto}
.diagnostics li{color:#8d2b0b}.summary{color:#52606d;margin:-.5rem 0 1rem}.work-items td:first-child{white-space:nowrap}a{color:#0b69a3}`;

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
<title>${escapeHtml(page.title)}</title><style>${style}</style></head>
<body><main><h1>${escapeHtml(page.title)}</h1>${page.summary === undefined ? "" : `<p class="summary">${escapeHtml(page.summary)}</p>`}
${page.records.map(recordViewHtml).join("\n")}
${notes}${diagnostics}
</main></body></html>
`;
}
