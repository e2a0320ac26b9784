import { type RenderOptions, type RenderResult, renderTemplate } from "../render-template";
import { defaultDeploymentChangesTemplate, deploymentChangesVariables } from "./deployment-changes-variables";
import { type ReleaseNotesContext, releaseNotesVariables } from "./release-notes-variables";
import type { ReleaseChange, ReleasePackage } from "./release-package";

/** A release's notes from a release-notes template, over its packages, as Octopus renders them when it creates the release. */
export function renderReleaseNotes(
  template: string,
  packages: readonly ReleasePackage[],
  context: ReleaseNotesContext = {},
  options: RenderOptions = {},
): RenderResult {
  return renderTemplate(template, releaseNotesVariables(packages, context), options);
}

/**
 * A deployment's changes from the project's deployment changes template, or Octopus's default when it has
 * none (an empty or blank template), over the releases the deployment brings, oldest first.
 */
export function renderDeploymentChanges(
  template: string | undefined,
  changes: readonly ReleaseChange[],
  extra: Readonly<Record<string, string>> = {},
  options: RenderOptions = {},
): RenderResult {
  const effective =
    template === undefined || template.trim() === "" ? defaultDeploymentChangesTemplate : template;
  return renderTemplate(effective, deploymentChangesVariables(changes, extra), options);
}
