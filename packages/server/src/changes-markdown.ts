import { renderTemplate } from "@buildinfo/templates";
import type { ReleaseChanges } from "./deploy-resources";

/**
 * The template Octopus renders a deployment's changes with when the project sets none (OctopusDeploy/docs
 * src/pages/docs/releases/deployment-changes.md, "The default template").
 */
const defaultChangesTemplate = `#{each release in Octopus.Deployment.Changes}
**Release #{release.Version}**

#{release.ReleaseNotes}
#{each workItem in release.WorkItems}
- [#{workItem.Id}](#{workItem.LinkUrl}) - #{workItem.Description}
#{/each}
#{/each}`;

/** A deployment's `ChangesMarkdown`: its changes through the default template, rendered as Octostache does. */
export function changesMarkdown(changes: ReleaseChanges[]): string {
  return renderTemplate(defaultChangesTemplate, { "Octopus.Deployment.Changes": JSON.stringify(changes) })
    .output;
}
