/** Renders an Octostache template over a flat variable dictionary, never throwing: output and diagnostics. */

/** A filter added through RenderOptions.extensions. */
export type { TemplateFunction } from "./filters/filter-context";
export { type RenderOptions, type RenderResult, renderTemplate } from "./render-template";
/** A finding of a render and its place in the template. */
export type { TemplateDiagnostic, TemplateDiagnosticCode } from "./template-diagnostic";
/** The bounds on output size, nesting, resolution depth and work, and their defaults. */
export { defaultLimits, type TemplateLimits } from "./template-limits";
