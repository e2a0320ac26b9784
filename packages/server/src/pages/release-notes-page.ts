import { renderReleaseNotes } from "@buildinfo/templates";
import type { StoredBuildInformation } from "../build-information-store";
import type { ProjectResource } from "../deploy-resources";
import { escapeHtml } from "./html";
import { appPaths } from "./page-paths";
import { renderedNotesPanelHtml } from "./rendered-notes-panel";

/**
 * Octopus's documented example release-notes template (https://octopus.com/docs/releases/release-notes,
 * "Release notes templates"), the one this page starts with.
 */
export const exampleReleaseNotesTemplate = `Here are the notes for the packages
#{each package in Octopus.Release.Package}
- #{package.PackageId} #{package.Version}
#{each workItem in package.WorkItems}
    - [#{workItem.Id}](#{workItem.LinkUrl}) - #{workItem.Description}
#{/each}
#{/each}`;

export interface ReleaseNotesForm {
  spaceId: string;
  /** The space's records, newest first: the choices of packages. */
  records: readonly StoredBuildInformation[];
  projects: readonly ProjectResource[];
  /** The chosen records' ids: the release's packages, in the order of the list. */
  chosen: readonly string[];
  /** `example`, `pasted` or a project's id. */
  source: string;
  /** The pasted template's text; undefined before one was submitted (the field starts with the example). */
  pasted: string | undefined;
}

/** Release notes preview: the chosen records' notes by Octopus's example, a pasted or a project's template. */
export function releaseNotesPageHtml(form: ReleaseNotesForm): string {
  const chosen = new Set(form.chosen.map((id) => id.toLowerCase()));
  const options = form.records
    .map(
      (record) =>
        `<option value="${escapeHtml(record.Id)}"${chosen.has(record.Id.toLowerCase()) ? " selected" : ""}>${escapeHtml(record.PackageId)} ${escapeHtml(record.Version)}</option>`,
    )
    .join("");
  const withTemplate = form.projects.filter((project) => (project.ReleaseNotesTemplate ?? "").trim() !== "");
  const sources: [string, string][] = [
    ["example", "Octopus's example template"],
    ...withTemplate.map((project): [string, string] => [project.Id, `Project ${project.Name}'s template`]),
    ["pasted", "Pasted template"],
  ];
  const source = sources.some(([value]) => value === form.source) ? form.source : "example";
  const choices = sources
    .map(
      ([value, label], index) =>
        `<label><input type="radio" name="source" id="source-${index}" value="${escapeHtml(value)}"${value === source ? " checked" : ""}> ${escapeHtml(label)}</label>`,
    )
    .join("");
  const pasted = form.pasted ?? exampleReleaseNotesTemplate;
  const formHtml = `<form method="get" action="${escapeHtml(appPaths.releaseNotes(form.spaceId))}">
<div class="field"><label for="records">Packages of the release</label>
<select id="records" name="record" multiple size="${Math.min(10, Math.max(3, form.records.length))}" aria-describedby="records-hint">${options}</select>
<p class="hint" id="records-hint">Hold Ctrl (⌘ on a Mac) to pick several. ${form.records.length === 0 ? "None stored yet: push some build information first." : ""}</p></div>
<fieldset class="choices"><legend>Template</legend>${choices}</fieldset>
<div class="field"><label for="template">Text of the pasted template</label>
<textarea id="template" name="template" rows="9" spellcheck="false">${escapeHtml(pasted)}</textarea></div>
<button type="submit">Render the notes</button></form>`;

  const releasePackages = form.records.filter((record) => chosen.has(record.Id.toLowerCase()));
  if (releasePackages.length === 0) {
    return `${formHtml}<p class="empty">Pick the packages of a release to see its notes as Octopus would render them.</p>`;
  }
  const project = form.projects.find((candidate) => candidate.Id === source);
  const [template, templateSource] =
    source === "pasted"
      ? [pasted, "The pasted template."]
      : project !== undefined
        ? [project.ReleaseNotesTemplate ?? "", `Project ${project.Name}'s release notes template.`]
        : [
            exampleReleaseNotesTemplate,
            "Octopus's example template (octopus.com/docs/releases/release-notes).",
          ];
  const rendered = renderReleaseNotes(template, releasePackages, {
    releaseNumber: releasePackages[0]!.Version,
    ...(project === undefined ? {} : { projectName: project.Name }),
  });
  return `${formHtml}${renderedNotesPanelHtml("Release notes", templateSource, template, rendered)}`;
}
