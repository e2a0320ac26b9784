import { type RenderResult, renderDeploymentChanges } from "@buildinfo/templates";
import type { EnvironmentResource, ProjectResource, ReleaseChanges } from "./deploy-resources";

/**
 * A deployment's `ChangesMarkdown`: the releases it brings through the project's deployment changes template,
 * or Octopus's default when it has none (docs/reference/octopus-release-notes.md), rendered as Octostache does.
 */
export function deploymentChangesMarkdown(
  project: ProjectResource,
  environment: EnvironmentResource,
  deploying: { Version: string },
  changes: readonly ReleaseChanges[],
): RenderResult {
  return renderDeploymentChanges(
    project.DeploymentChangesTemplate ?? undefined,
    changes.map((change) => ({
      Version: change.Version,
      ReleaseNotes: change.ReleaseNotes,
      Packages: change.BuildInformation,
    })),
    {
      "Octopus.Project.Name": project.Name,
      "Octopus.Environment.Name": environment.Name,
      "Octopus.Release.Number": deploying.Version,
    },
  );
}
