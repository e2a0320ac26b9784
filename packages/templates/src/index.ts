/** Renders an Octostache template over a flat variable dictionary, never throwing: output and diagnostics. */

/** A filter added through RenderOptions.extensions. */
export type { TemplateFunction } from "./filters/filter-context";
/** Markdown to HTML for a page that shows untrusted text: raw HTML as text, images as links. */
export { markdownToSafeHtml } from "./markdown";
/** Octopus's default deployment changes template, and the variables a deployment changes template reads. */
export {
  defaultDeploymentChangesTemplate,
  deploymentChangesVariables,
} from "./octopus/deployment-changes-variables";
/** The variables a project's release-notes template reads, and what else it may read. */
export { type ReleaseNotesContext, releaseNotesVariables } from "./octopus/release-notes-variables";
/** A package of a release with its mapped build information, and a release as deployment changes see it. */
export type { ReleaseChange, ReleasePackage } from "./octopus/release-package";
/** A release's notes and a deployment's changes, rendered as Octopus renders them. */
export { renderDeploymentChanges, renderReleaseNotes } from "./octopus/render-octopus-notes";
export { type RenderOptions, type RenderResult, renderTemplate } from "./render-template";
/** A finding of a render and its place in the template. */
export type { TemplateDiagnostic, TemplateDiagnosticCode } from "./template-diagnostic";
/** The bounds on output size, nesting, resolution depth and work, and their defaults. */
export { defaultLimits, type TemplateLimits } from "./template-limits";
