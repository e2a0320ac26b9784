import { BuildInfoError } from "@buildinfo/core";
import type { ApiCaller } from "./api-caller";
import { everyItem, readPage, readResource } from "./api-reads";
import {
  channelKind,
  environmentKind,
  findNamed,
  type NamedResource,
  projectKind,
  tenantKind,
} from "./named-resource";
import type { NamedRef } from "./release-reads";
import { serverWord } from "./response-errors";
import { serverText } from "./server-value";
import type { SpaceResolver } from "./spaces";
import type { SpaceInput, SpaceRef } from "./types";

/** Where to look for the last deployment: names or ids, as the user gave them. */
export interface DeploymentTarget {
  /** The space (name or `Spaces-N`); the client's default space when absent. */
  space?: SpaceInput;
  /** The project, by name or `Projects-N`. */
  project: string;
  /** The environment, by name or `Environments-N`. */
  environment: string;
  /** Only deployments of this channel; every channel when absent. */
  channel?: string | undefined;
  /** Only this tenant's deployments; untenanted deployments when absent. */
  tenant?: string | undefined;
}

/** One package's build information as a release captured it (`ReleasePackageVersionBuildInformation`). */
export interface ReleaseBuild {
  /** The package id as the release's build information names it. */
  PackageId: string;
  /** The package version the release uses. */
  Version: string;
  /** The commit the package was built from: where the range since the deployment starts. */
  VcsCommitNumber?: string | undefined;
  /** The repository the package was built from. */
  VcsRoot?: string | undefined;
  /** The build that made the package. */
  BuildNumber?: string | undefined;
}

/** The last successful deployment of a project to an environment, and the release it deployed. */
export interface LastDeployment {
  /** The space searched. */
  space: SpaceRef;
  /** The project, as the server names it. */
  project: NamedRef;
  /** The environment, as the server names it. */
  environment: NamedRef;
  /** The channel deployments were limited to, when one was given. */
  channel?: NamedRef | undefined;
  /** The tenant deployments were limited to, when one was given. */
  tenant?: NamedRef | undefined;
  /** Undefined when nothing was deployed there successfully yet (then `release` is too). */
  deployment?: { Id: string; Name: string; Created: string } | undefined;
  /** The release that deployment deployed, with the build information Octopus captured when it was created. */
  release?: { Id: string; Version: string; builds: ReleaseBuild[] } | undefined;
}

interface DeploymentItem {
  Id: string;
  Name?: unknown;
  Created?: unknown;
  ReleaseId?: unknown;
  TenantId?: unknown;
}

const pageSize = 30;
/** How many pages of successful deployments are read looking for an untenanted one among tenanted ones. */
const maxPages = 20;

const ref = (resource: NamedResource): NamedRef => ({ Id: resource.Id, Name: resource.Name });

/**
 * The release last deployed successfully (task state `Success`) to the environment by the project, for the
 * tenant when given (untenanted otherwise) and in the channel when given: Octopus lists deployments newest
 * first, so the first that matches is the last. docs/reference/octopus-deployments-api.md
 */
export async function findLastDeployment(
  api: ApiCaller,
  spaces: SpaceResolver,
  target: DeploymentTarget,
): Promise<LastDeployment> {
  const space = await spaces.resolve(target.space);
  const project = await findNamed(api, space.Id, projectKind, target.project);
  const environment = await findNamed(api, space.Id, environmentKind, target.environment);
  const channel = target.channel
    ? await findNamed(api, space.Id, channelKind(project.Id), target.channel)
    : undefined;
  const tenant = target.tenant ? await findNamed(api, space.Id, tenantKind, target.tenant) : undefined;
  if (tenant === undefined && serverText(project.TenantedDeploymentMode) === "Tenanted")
    throw await tenantRequired(api, space.Id, project);
  const where = {
    space,
    project: ref(project),
    environment: ref(environment),
    channel: channel && ref(channel),
    tenant: tenant && ref(tenant),
  };

  const deployment = await lastSuccessful(api, space.Id, project, environment, channel, tenant);
  if (deployment === undefined) return where;
  const releaseId = serverText(deployment.ReleaseId) ?? "";
  const release = await readResource<{ Id: string; Version?: unknown; BuildInformation?: unknown }>(api, {
    path: `/api/${space.Id}/releases/${encodeURIComponent(releaseId)}`,
    doing: `reading release ${releaseId}`,
    permission: "ReleaseView",
    what: "the release",
  });
  if (release === undefined) {
    throw new BuildInfoError(
      "E_HTTP_404",
      `Deployment ${deployment.Id} names release ${releaseId}, which ${api.server} does not have.`,
      {
        source: api.server,
      },
    );
  }
  return {
    ...where,
    deployment: {
      Id: deployment.Id,
      Name: serverText(deployment.Name) ?? "",
      Created: serverText(deployment.Created) ?? "",
    },
    release: {
      Id: release.Id,
      Version: serverText(release.Version) ?? "",
      builds: releaseBuilds(release.BuildInformation),
    },
  };
}

async function lastSuccessful(
  api: ApiCaller,
  spaceId: string,
  project: NamedResource,
  environment: NamedResource,
  channel: NamedResource | undefined,
  tenant: NamedResource | undefined,
): Promise<DeploymentItem | undefined> {
  for (let page = 0; page < maxPages; page += 1) {
    const items = await readPage<DeploymentItem>(api, {
      path: `/api/${spaceId}/deployments`,
      query: {
        projects: project.Id,
        environments: environment.Id,
        channels: channel?.Id,
        tenants: tenant?.Id,
        taskState: "Success",
        skip: page * pageSize,
        take: pageSize,
      },
      doing: `finding the last deployment of ${project.Id} to ${environment.Id}`,
      permission: "DeploymentView",
      what: "deployments",
    });
    const found = tenant ? items[0] : items.find((item) => !serverText(item.TenantId));
    if (found || items.length < pageSize) return found;
  }
  return undefined;
}

function releaseBuilds(value: unknown): ReleaseBuild[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: Record<string, unknown> | null) => {
    const packageId = serverText(entry?.PackageId);
    if (typeof entry !== "object" || entry === null || packageId === undefined) return [];
    return [
      {
        PackageId: packageId,
        Version: serverText(entry.Version) ?? "",
        VcsCommitNumber: serverText(entry.VcsCommitNumber),
        VcsRoot: serverText(entry.VcsRoot),
        BuildNumber: serverText(entry.BuildNumber),
      },
    ];
  });
}

async function tenantRequired(
  api: ApiCaller,
  spaceId: string,
  project: NamedResource,
): Promise<BuildInfoError> {
  const tenants = await readPage<{ Id: string; Name?: unknown }>(api, {
    path: `/api/${spaceId}/tenants`,
    query: { projectId: project.Id, ...everyItem },
    doing: `listing the tenants of ${project.Id}`,
    permission: "TenantView",
    what: "tenants",
  }).catch(() => []);
  const names = tenants.slice(0, 20).map((tenant) => serverWord(tenant.Name, [], 120));
  return new BuildInfoError(
    "E_USAGE",
    `Project ${serverWord(project.Name, [], 200)} deploys only to tenants, so --since-deployed needs --tenant.` +
      (names.length > 0 ? ` Its tenants: ${names.join(", ")}.` : ""),
    { source: "--tenant", hint: "Pass --tenant with the tenant whose deployment this build follows." },
  );
}

/** The build information the deployed release captured for this package (ids compared ignoring case). */
function deployedBuild(last: LastDeployment, packageId: string): ReleaseBuild | undefined {
  const builds = last.release?.builds ?? [];
  return (
    builds.find((build) => build.PackageId === packageId) ??
    builds.find((build) => build.PackageId.toLowerCase() === packageId.toLowerCase())
  );
}

/**
 * Where a package's commits start with `--since-deployed`: the `VcsCommitNumber` the deployed release
 * captured for it, named by release and deployment; or, when there is none (nothing deployed yet, or the
 * release has no build information or commit for this package), the note that says why.
 */
export function deployedRangeStart(
  last: LastDeployment,
  packageId: string,
): { commit: string; source: string } | { note: string } {
  const deployed = describeDeployment(last);
  const ownRange = "so the build server's own range is sent.";
  if (!last.release) return { note: `There is ${deployed} yet, ${ownRange}` };
  const build = deployedBuild(last, packageId);
  if (!build) return { note: `The ${deployed} has no build information for ${packageId}, ${ownRange}` };
  const commit = build.VcsCommitNumber?.trim();
  if (!commit)
    return {
      note: `The build information of ${packageId} ${build.Version} in the ${deployed} names no commit, ${ownRange}`,
    };
  return { commit, source: `${packageId} ${serverWord(build.Version, [], 120)} in the ${deployed}` };
}

/** `release 1.4.0 (Releases-12) of Shop, deployed to Production by Deployments-40 (2025-03-04T10:11:12Z)`, for messages. */
export function describeDeployment(last: LastDeployment): string {
  const words = (value: string) => serverWord(value, [], 200);
  const tenant = last.tenant ? ` for tenant ${words(last.tenant.Name)}` : "";
  if (!last.release || !last.deployment)
    return `no release of ${words(last.project.Name)} deployed successfully to ${words(last.environment.Name)}${tenant}`;
  return (
    `release ${words(last.release.Version)} (${words(last.release.Id)}) of ${words(last.project.Name)}, deployed to ` +
    `${words(last.environment.Name)}${tenant} by ${words(last.deployment.Id)}` +
    (last.deployment.Created ? ` (${words(last.deployment.Created)})` : "")
  );
}
