import { defaultDeploymentChangesTemplate } from "@buildinfo/templates";
import { deploymentChangesMarkdown } from "../changes-markdown";
import type { DeployContext } from "../deploy-context";
import type {
  DeploymentResource,
  EnvironmentResource,
  ProjectResource,
  ReleaseResource,
} from "../deploy-resources";
import { changesOf } from "../deployment-routes";
import { compareOctopusVersions } from "../octopus-versions";
import { escapeHtml } from "./html";
import { appPaths } from "./page-paths";
import { releaseNotesHtml } from "./preview-page";
import { renderedNotesPanelHtml } from "./rendered-notes-panel";

export interface DeploymentChangesQuery {
  spaceId: string;
  project?: string | undefined;
  environment?: string | undefined;
  release?: string | undefined;
  /** A stored deployment: its changes as the server recorded them, and the form set to it. */
  deployment?: string | undefined;
}

/**
 * Deployment changes preview: what deploying a release of a project to an environment brings, as the local
 * server would record it (the releases since the one last deployed there, rendered through the project's
 * deployment changes template or Octopus's default).
 */
export function deploymentChangesPageHtml(context: DeployContext, query: DeploymentChangesQuery): string {
  const { store } = context;
  const inSpace = <T extends { SpaceId: string }>(items: T[]) => store.inSpace(items, query.spaceId);
  const projects = inSpace(store.data.projects);
  const environments = inSpace(store.data.environments);
  if (projects.length === 0 || environments.length === 0) {
    return `<p class="empty">This space has no ${projects.length === 0 ? "project" : "environment"} yet. Create projects, environments and releases through the API (as <code>buildinfo push --since-deployed</code>'s tests do), or keep them with <code>--persist</code>.</p>`;
  }
  const deployment =
    query.deployment === undefined
      ? undefined
      : store.byId(store.data.deployments, query.spaceId, query.deployment);
  const pick = <T extends { Id: string }>(items: T[], id: string | undefined) =>
    items.find((item) => item.Id.toLowerCase() === id?.toLowerCase());
  const project = pick(projects, deployment?.ProjectId ?? query.project) ?? projects[0]!;
  const environment = pick(environments, deployment?.EnvironmentId ?? query.environment) ?? environments[0]!;
  const releases = inSpace(store.data.releases)
    .filter((release) => release.ProjectId === project.Id)
    .sort((left, right) => compareOctopusVersions(right.Version, left.Version));
  const release = pick(releases, deployment?.ReleaseId ?? query.release) ?? releases[0];

  const select = (
    name: string,
    label: string,
    items: { Id: string; text: string }[],
    selected: string | undefined,
  ) =>
    `<div><label for="${name}">${label}</label><select id="${name}" name="${name}">${items
      .map(
        (item) =>
          `<option value="${escapeHtml(item.Id)}"${item.Id === selected ? " selected" : ""}>${escapeHtml(item.text)}</option>`,
      )
      .join("")}</select></div>`;
  const form = `<form class="filter" method="get" action="${escapeHtml(appPaths.deploymentChanges(query.spaceId))}">
${select(
  "project",
  "Project",
  projects.map((item) => ({ Id: item.Id, text: item.Name })),
  project.Id,
)}
${select(
  "environment",
  "Environment",
  environments.map((item) => ({ Id: item.Id, text: item.Name })),
  environment.Id,
)}
${
  release === undefined
    ? ""
    : select(
        "release",
        "Release",
        releases.map((item) => ({ Id: item.Id, text: item.Version })),
        release.Id,
      )
}
<button type="submit">Preview</button></form>
<p class="hint">Changing the project lists its releases after “Preview”. Tenants are not considered: the preview is of an untenanted deployment.</p>`;
  const unknownDeployment =
    query.deployment !== undefined && deployment === undefined
      ? `<p class="empty">There is no deployment ${escapeHtml(query.deployment)} in this space.</p>`
      : "";
  if (release === undefined)
    return `${unknownDeployment}${form}<p class="empty">Project ${escapeHtml(project.Name)} has no release yet.</p>`;
  return (
    unknownDeployment +
    form +
    (deployment ? recordedDeploymentHtml(deployment, release, environment) : "") +
    previewHtml(context, project, environment, release)
  );
}

function previewHtml(
  context: DeployContext,
  project: ProjectResource,
  environment: EnvironmentResource,
  release: ReleaseResource,
): string {
  const changes = changesOf(context, release, environment.Id, null);
  const rendered = deploymentChangesMarkdown(project, environment, release, changes);
  const blank = (project.DeploymentChangesTemplate ?? "").trim() === "";
  const template = blank
    ? "Octopus's default deployment changes template."
    : `Project ${project.Name}'s deployment changes template.`;
  const brings = changes.map((change) => change.Version).join(", ");
  const deploying = `Deploying ${escapeHtml(project.Name)} ${escapeHtml(release.Version)} to ${escapeHtml(environment.Name)} now brings`;
  const summary =
    changes.length === 0
      ? `${deploying} no release: ${escapeHtml(environment.Name)} has had it, or a later one, deployed.`
      : `${deploying} ${changes.length} release${changes.length === 1 ? "" : "s"}: ${escapeHtml(brings)}.`;
  return `<p class="summary">${summary}</p>
${renderedNotesPanelHtml("Deployment changes", template, blank ? defaultDeploymentChangesTemplate : project.DeploymentChangesTemplate!, rendered)}`;
}

function recordedDeploymentHtml(
  deployment: DeploymentResource,
  release: ReleaseResource,
  environment: EnvironmentResource,
): string {
  return `<section aria-labelledby="recorded-heading"><h2 id="recorded-heading">${escapeHtml(deployment.Name)}: ${escapeHtml(release.Version)}, as recorded</h2>
<p class="hint">${escapeHtml(deployment.Id)} to ${escapeHtml(environment.Name)}, created ${escapeHtml(deployment.Created)}; it brought ${escapeHtml(
    deployment.Changes.map((change) => change.Version).join(", "),
  )}.</p>${deployment.ChangesMarkdown.trim() === "" ? `<p class="empty">No changes were recorded.</p>` : releaseNotesHtml(deployment.ChangesMarkdown)}</section>`;
}
