import {
  BuildInfoError,
  type BuildInformation,
  type HttpClient,
  mapBuildInformation,
  validatePackageId,
  validateVersion,
} from "@buildinfo/core";
import type { OctopusClient, ProjectTemplates, SpaceInput } from "@buildinfo/octopus";
import { releasesADeploymentBrings } from "@buildinfo/server";
import {
  type ReleaseChange,
  type RenderResult,
  renderDeploymentChanges,
  renderReleaseNotes,
} from "@buildinfo/templates";
import { azureDevOpsTrackersOf } from "./azure-devops-reads";
import {
  hasTrackerFlags,
  type ResolvedTrackers,
  type TrackerFlags,
  trackersFromFlags,
  trackersFromServer,
} from "./issue-trackers";
import { type PreviewPackage, packageOfBuild, storedPackage } from "./preview-package";

export interface PackageVersion {
  packageId: string;
  version: string;
}

export interface PreviewInput {
  /**
   * This build's packages (`--package-id`, `--version`), each with its own build information when it has
   * one (`--since-deployed`: the commits since its deployed one), else the shared `buildInformation`.
   */
  packages: readonly (PackageVersion & { buildInformation?: BuildInformation })[];
  buildInformation: BuildInformation;
  trackerFlags: TrackerFlags;
  /** The client Azure DevOps is read with (`--azure-devops-pat`). */
  http: HttpClient;
  /** `--template FILE`: its text, and where it came from. */
  template?: { text: string; source: string } | undefined;
  /** `--project NAME`: its release notes template (unless `--template`) and its deployment changes. */
  projectName?: string | undefined;
  /** `--with-package ID:VERSION`: packages of the release whose build information the server stores. */
  withPackages: readonly PackageVersion[];
  /** `--deployment-changes --environment NAME`. */
  environmentName?: string | undefined;
  space?: SpaceInput;
}

/** A finding: a template's (with its place) or the preview's own. */
export interface PreviewDiagnostic {
  source: "release-notes" | "deployment-changes" | "preview";
  code: string;
  message: string;
  line?: number;
  column?: number;
}

export interface PreviewResult {
  packages: PreviewPackage[];
  trackers: ResolvedTrackers;
  /** The release's notes, when a template was given or the project has one. */
  releaseNotes?: { markdown: string; template: string };
  deploymentChanges?: { markdown: string; environment: string; releases: string[]; template: string };
  diagnostics: PreviewDiagnostic[];
}

/** `ID:VERSION`, split at the last `:` (a Maven id has one of its own). */
export function parseWithPackage(raw: string): PackageVersion {
  const at = raw.lastIndexOf(":");
  if (at <= 0 || at === raw.length - 1) {
    throw new BuildInfoError("E_USAGE", `--with-package ${JSON.stringify(raw)} is not ID:VERSION.`, {
      hint: "Name another package of the release and its version, e.g. --with-package Acme.Db:4.5.6.",
      source: "--with-package",
    });
  }
  return {
    packageId: validatePackageId(raw.slice(0, at), "--with-package"),
    version: validateVersion(raw.slice(at + 1), "--with-package"),
  };
}

/**
 * What Octopus will make of this build: each package's record (commit links, work items and why), the
 * release notes over the release's packages, and the deployment changes. Reads the server (templates,
 * stored records, tracker settings, releases); writes nothing.
 */
export async function buildPreview(
  input: PreviewInput,
  client: OctopusClient | undefined,
): Promise<PreviewResult> {
  const diagnostics: PreviewDiagnostic[] = [];
  const note = (message: string) => diagnostics.push({ source: "preview", code: "note", message });
  const trackers = hasTrackerFlags(input.trackerFlags)
    ? trackersFromFlags(input.trackerFlags)
    : client !== undefined
      ? trackersFromServer(await client.readIssueTrackers())
      : { trackers: {}, from: "none" as const, notes: [] };
  for (const message of trackers.notes) note(message);

  // Each distinct build information mapped once (with --since-deployed, packages have their own).
  const trackersOf = azureDevOpsTrackersOf(trackers, input.trackerFlags, input.http, note);
  const mappings = new Map<BuildInformation, ReturnType<typeof mapBuildInformation>>();
  for (const info of [input.buildInformation, ...input.packages.map((pkg) => pkg.buildInformation)]) {
    if (info !== undefined && !mappings.has(info)) {
      mappings.set(info, mapBuildInformation(info, await trackersOf(info)));
    }
  }
  const packages = input.packages.map(({ packageId, version, buildInformation = input.buildInformation }) =>
    packageOfBuild(packageId, version, buildInformation, mappings.get(buildInformation)!),
  );
  for (const other of input.withPackages) {
    const record = await client!.findBuildInformation(input.space, other.packageId, other.version);
    if (record === undefined) {
      note(
        `The server has no build information for ${other.packageId} ${other.version}: Octopus's release notes will not list it.`,
      );
    } else {
      packages.push(storedPackage(record));
    }
  }

  const project =
    input.projectName === undefined ? undefined : await client!.findProject(input.space, input.projectName);
  const releaseNumber = input.packages[0]?.version;
  const context = {
    ...(releaseNumber === undefined ? {} : { releaseNumber }),
    ...(project === undefined ? {} : { projectName: project.Name }),
  };
  const releasePackages = packages.map((pkg) => pkg.release);
  const template = input.template ?? projectTemplate(project, note);
  let releaseNotes: PreviewResult["releaseNotes"];
  if (template !== undefined) {
    const rendered = renderReleaseNotes(template.text, releasePackages, context);
    diagnostics.push(...templateDiagnostics("release-notes", rendered));
    releaseNotes = { markdown: rendered.output, template: template.source };
    const unconfirmed = [...mappings.values()]
      .flatMap((mapped) => mapped.workItems)
      .filter((item) => item.status === "unconfirmed");
    if (unconfirmed.length > 0) {
      note(
        `The notes list ${unconfirmed.map((item) => item.id).join(", ")}, which Octopus lists only if its Jira connection finds ${unconfirmed.length === 1 ? "it" : "them"}.`,
      );
    }
  }

  const deploymentChanges =
    input.environmentName === undefined
      ? undefined
      : await previewDeploymentChanges(
          client!,
          input,
          project!,
          {
            Version: releaseNumber ?? "",
            ReleaseNotes: releaseNotes?.markdown ?? "",
            Packages: releasePackages,
          },
          diagnostics,
        );
  return {
    packages,
    trackers,
    ...(releaseNotes === undefined ? {} : { releaseNotes }),
    ...(deploymentChanges === undefined ? {} : { deploymentChanges }),
    diagnostics,
  };
}

function projectTemplate(
  project: ProjectTemplates | undefined,
  note: (message: string) => void,
): { text: string; source: string } | undefined {
  if (project === undefined) return undefined;
  if (project.ReleaseNotesTemplate.trim() === "") {
    note(
      `Project "${project.Name}" has no release notes template: Octopus creates its releases with the notes typed in.`,
    );
    return undefined;
  }
  return {
    text: project.ReleaseNotesTemplate,
    source: `the release notes template of project "${project.Name}"`,
  };
}

async function previewDeploymentChanges(
  client: OctopusClient,
  input: PreviewInput,
  project: ProjectTemplates,
  deploying: ReleaseChange,
  diagnostics: PreviewDiagnostic[],
): Promise<NonNullable<PreviewResult["deploymentChanges"]>> {
  const environment = await client.findEnvironment(input.space, input.environmentName!);
  const last = await client.lastDeployedRelease(input.space, project.Id, environment.Id);
  const releases = (await client.listReleases(input.space, project.Id)).map(
    (release): ReleaseChange => ({
      Version: release.Version,
      ReleaseNotes: release.ReleaseNotes,
      Packages: release.BuildInformation.map((record) => storedPackage(record).release),
    }),
  );
  const changes = releasesADeploymentBrings(deploying, releases, last);
  diagnostics.push({
    source: "preview",
    code: "note",
    message:
      last === undefined
        ? `Nothing was deployed to ${environment.Name} yet: the deployment brings ${changes.length} release${changes.length === 1 ? "" : "s"}.`
        : `${environment.Name} last had ${last.Version} deployed: the deployment brings ${changes.map((change) => change.Version).join(", ")}.`,
  });
  const blank = project.DeploymentChangesTemplate.trim() === "";
  const rendered = renderDeploymentChanges(project.DeploymentChangesTemplate, changes, {
    "Octopus.Project.Name": project.Name,
    "Octopus.Environment.Name": environment.Name,
    "Octopus.Release.Number": deploying.Version,
  });
  diagnostics.push(...templateDiagnostics("deployment-changes", rendered));
  return {
    markdown: rendered.output,
    environment: environment.Name,
    releases: changes.map((change) => change.Version),
    template: blank
      ? "Octopus's default deployment changes template"
      : `the deployment changes template of project "${project.Name}"`,
  };
}

function templateDiagnostics(
  source: PreviewDiagnostic["source"],
  rendered: RenderResult,
): PreviewDiagnostic[] {
  return rendered.diagnostics.map((diagnostic) => ({
    source,
    code: diagnostic.code,
    message: diagnostic.message,
    line: diagnostic.line,
    column: diagnostic.column,
  }));
}
