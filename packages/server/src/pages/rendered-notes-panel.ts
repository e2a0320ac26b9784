import type { RenderResult } from "@buildinfo/templates";
import { escapeHtml } from "./html";
import { releaseNotesHtml } from "./preview-page";

/** A template next to what it renders (Markdown shown as Octopus shows it), then the render's diagnostics. */
export function renderedNotesPanelHtml(
  heading: string,
  templateSource: string,
  template: string,
  rendered: RenderResult,
): string {
  const diagnostics =
    rendered.diagnostics.length === 0
      ? `<p class="hint">The template rendered without a diagnostic.</p>`
      : `<section class="diagnostics" aria-labelledby="diagnostics-heading"><h2 id="diagnostics-heading">Template diagnostics (${rendered.diagnostics.length})</h2><ul>${rendered.diagnostics
          .map(
            (diagnostic) =>
              `<li>line ${diagnostic.line}, column ${diagnostic.column}: ${escapeHtml(diagnostic.message)} <code>${diagnostic.code}</code></li>`,
          )
          .join("")}</ul></section>`;
  return `<div class="side-by-side">
<section aria-labelledby="template-heading"><h2 id="template-heading">Template</h2><p class="hint">${escapeHtml(templateSource)}</p><pre class="template">${escapeHtml(template)}</pre></section>
<section aria-labelledby="notes-heading"><h2 id="notes-heading">${escapeHtml(heading)}</h2>${
    rendered.output.trim() === ""
      ? `<p class="empty">The template rendered nothing.</p>`
      : releaseNotesHtml(rendered.output)
  }</section>
</div>${diagnostics}`;
}
