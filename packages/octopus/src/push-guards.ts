import { didYouMean, isBuildInfoError } from "@buildinfo/core";
import type { ApiCaller } from "./api-caller";
import { everyItem, readPage, readResource } from "./api-reads";
import { findNamed, type NamedResource, projectKind } from "./named-resource";
import { serverWord } from "./response-errors";
import { serverText } from "./server-value";
import type { SpaceResolver } from "./spaces";
import type { SpaceInput } from "./types";

/** What to check before a push: the project that deploys the packages, and the packages. */
export interface PushGuardRequest {
  /** The space (name or `Spaces-N`); the client's default space when absent. */
  space?: SpaceInput;
  /** The project the packages are deployed by (name or `Projects-N`). */
  project: string;
  /** The packages about to get build information, as the push names them. */
  packages: readonly { packageId: string; version: string }[];
}

/** A reason build information pushed now would not show in Octopus as meant. */
export interface PushGuardFinding {
  /** The catalogue code a `--strict` push fails with. */
  code: "E_PACKAGE_ALREADY_RELEASED" | "E_PACKAGE_ID_MISMATCH" | "E_PACKAGE_IN_SEVERAL_FEEDS";
  /** The package id as the push names it. */
  packageId: string;
  /** The package version as the push names it. */
  version: string;
  /** What Octopus will do with the build information, naming the release, id or feeds. */
  message: string;
  /** What to change so it shows. */
  hint: string;
}

/** The guards' answer: what they found, and what they could not read. */
export interface PushGuardReport {
  /** One entry per package and reason; empty when nothing stands in the way. */
  findings: PushGuardFinding[];
  /** What could not be read (a permission the key lacks, a server failure), so was not checked. */
  notChecked: string[];
}

/** A package a step acquires, as the (current or snapshot) process gives it. */
interface StepPackage {
  action: string;
  referenceName: string;
  packageId: string;
  feedId: string;
}

interface ReleaseItem {
  Id: string;
  Version?: unknown;
  SelectedPackages?: unknown;
  ProjectDeploymentProcessSnapshotId?: unknown;
}

/** How many of the project's newest releases are checked for the package version. */
const releasesChecked = 100;
const builtInFeedId = "feeds-builtin";

const same = (left: string, right: string) => left.toLowerCase() === right.toLowerCase();

/**
 * What would keep build information pushed now from showing as meant, for each package: a release of the
 * project that already uses this package version (Octopus captured its build information when it was
 * created), a package id that differs from the one the built-in feed or the project's steps use, and the
 * same id and version in two feeds. Reads that fail are reported in `notChecked`, never thrown; an
 * unknown project is (E_PROJECT_NOT_FOUND). docs/reference/octopus-deployments-api.md#push-guards
 */
export async function checkBeforePush(
  api: ApiCaller,
  spaces: SpaceResolver,
  request: PushGuardRequest,
): Promise<PushGuardReport> {
  const space = await spaces.resolve(request.space);
  const project = await findNamed(api, space.Id, projectKind, request.project);
  const notChecked: string[] = [];
  const attempt = async <T>(what: string, read: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      if (!isBuildInfoError(error)) throw error;
      notChecked.push(`${what}: ${error.message}`);
      return fallback;
    }
  };
  const base = `/api/${space.Id}`;
  const steps = await attempt(
    "the project's deployment process",
    () => processPackages(api, `${base}/projects/${project.Id}/deploymentprocesses`),
    [],
  );
  const releases = await attempt(
    "the project's releases",
    () =>
      readPage<ReleaseItem>(api, {
        path: `${base}/projects/${project.Id}/releases`,
        query: { take: releasesChecked },
        doing: `listing the releases of ${project.Id}`,
        permission: "ReleaseView",
        what: "releases",
      }),
    [],
  );
  const feeds = await attempt(
    "the feeds",
    () =>
      readPage<{ Id: string; Name?: unknown }>(api, {
        path: `${base}/feeds`,
        query: everyItem,
        doing: "listing the feeds",
        permission: "FeedView",
        what: "feeds",
      }),
    [],
  );
  const snapshots = new Map<string, Promise<StepPackage[]>>();
  const snapshot = (id: string) => {
    if (!snapshots.has(id))
      snapshots.set(
        id,
        attempt(
          `the process snapshot ${id}`,
          () => processPackages(api, `${base}/deploymentprocesses/${encodeURIComponent(id)}`),
          [],
        ),
      );
    return snapshots.get(id)!;
  };
  const feedName = (id: string) => {
    const name = serverText(feeds.find((feed) => same(feed.Id, id))?.Name);
    return `${name === undefined ? "" : `${serverWord(name, [], 120)} `}(${serverWord(id, [], 120)})`;
  };

  const findings: PushGuardFinding[] = [];
  for (const { packageId, version } of request.packages) {
    const released = await releasesWith(releases, snapshot, packageId, version);
    if (released.length > 0) findings.push(alreadyReleased(project, packageId, version, released));
    const builtIn = await attempt(
      `the built-in feed's ${packageId}`,
      () =>
        readPage<{ Id: string; PackageId?: unknown }>(api, {
          path: `${base}/packages`,
          query: { filter: packageId, ...everyItem },
          doing: `listing the built-in feed's packages like ${packageId}`,
          permission: "FeedView",
          what: "packages",
        }),
      [],
    );
    const mismatch = idMismatch(project, packageId, version, builtIn, steps);
    if (mismatch) findings.push(mismatch);
    const feedIds = [
      builtInFeedId,
      ...new Set(steps.filter((step) => same(step.packageId, packageId)).map((step) => step.feedId)),
    ].filter((id, index, all) => all.findIndex((other) => same(other, id)) === index);
    const holding: string[] = [];
    for (const feedId of feedIds) {
      const versions = await attempt(
        `feed ${feedId}`,
        () =>
          readPage<{ Id: string; Version?: unknown }>(api, {
            path: `${base}/feeds/${encodeURIComponent(feedId)}/packages/versions`,
            query: { packageId, versionRange: `[${version}]`, take: 1 },
            doing: `searching feed ${feedId} for ${packageId} ${version}`,
            permission: "FeedView",
            what: "package versions",
          }),
        [],
      );
      if (versions.length > 0) holding.push(feedName(feedId));
    }
    if (holding.length > 1) {
      findings.push({
        code: "E_PACKAGE_IN_SEVERAL_FEEDS",
        packageId,
        version,
        message:
          `${packageId} ${version} is in ${holding.length} feeds: ${holding.join(", ")}. Octopus keys build ` +
          "information by package id and version alone, so this build information describes each of them.",
        hint: "Keep each package id and version in one feed, or give the builds different versions.",
      });
    }
  }
  return { findings, notChecked };
}

/** The releases (newest first) that deploy this package id and version, named `1.4.0 (Releases-12)`. */
async function releasesWith(
  releases: ReleaseItem[],
  snapshot: (id: string) => Promise<StepPackage[]>,
  packageId: string,
  version: string,
): Promise<string[]> {
  const named: string[] = [];
  for (const release of releases) {
    const selected = Array.isArray(release.SelectedPackages) ? release.SelectedPackages : [];
    const chosen = selected.filter((entry) => same(serverText(entry?.Version) ?? "", version));
    const snapshotId = serverText(release.ProjectDeploymentProcessSnapshotId);
    if (chosen.length === 0 || snapshotId === undefined) continue;
    const packages = await snapshot(snapshotId);
    const uses = chosen.some((entry) =>
      packages.some(
        (step) =>
          same(step.action, serverText(entry.ActionName) ?? "") &&
          same(step.referenceName, serverText(entry.PackageReferenceName) ?? "") &&
          same(step.packageId, packageId),
      ),
    );
    if (uses) named.push(`${serverWord(release.Version, [], 120)} (${serverWord(release.Id, [], 120)})`);
  }
  return named;
}

function alreadyReleased(
  project: NamedResource,
  packageId: string,
  version: string,
  releases: string[],
): PushGuardFinding {
  const which = releases.length === 1 ? `Release ${releases[0]}` : `Releases ${releases.join(", ")}`;
  return {
    code: "E_PACKAGE_ALREADY_RELEASED",
    packageId,
    version,
    message:
      `${which} of project ${serverWord(project.Name, [], 120)} already ${releases.length === 1 ? "uses" : "use"} ` +
      `${packageId} ${version}: Octopus captured ${releases.length === 1 ? "its" : "their"} build information ` +
      "when the release was created, so build information pushed now will not appear there.",
    hint:
      "Push build information before creating the release (with automatic release creation, before the package); " +
      "to see it on a release now, create a new release after pushing.",
  };
}

/** The id Octopus will match, when the feed or the steps spell the package otherwise. */
function idMismatch(
  project: NamedResource,
  packageId: string,
  version: string,
  builtIn: { PackageId?: unknown }[],
  steps: StepPackage[],
): PushGuardFinding | undefined {
  const inFeed = [...new Set(builtIn.map((item) => serverText(item.PackageId) ?? ""))].filter((id) =>
    same(id, packageId),
  );
  const finding = (message: string, matched: string): PushGuardFinding => ({
    code: "E_PACKAGE_ID_MISMATCH",
    packageId,
    version,
    message,
    hint: `Pass --package-id ${matched}, exactly as the feed and the steps name the package.`,
  });
  const spelled = inFeed.find((id) => id !== packageId);
  if (spelled !== undefined && !inFeed.includes(packageId)) {
    return finding(
      `The built-in feed holds this package as "${serverWord(spelled, [], 120)}", not "${packageId}". Octopus ` +
        "before 2024.3.13138 / 2025.1.9129 shows build information on a package only when the ids match exactly " +
        "(OctopusDeploy/Issues#9246).",
      serverWord(spelled, [], 120),
    );
  }
  const stepIds = [...new Set(steps.map((step) => step.packageId).filter((id) => !id.includes("#{")))];
  if (inFeed.length > 0 || stepIds.length === 0 || stepIds.includes(packageId)) return undefined;
  const caseOnly = stepIds.find((id) => same(id, packageId));
  if (caseOnly !== undefined) {
    return finding(
      `No package "${packageId}" is in the built-in feed, and project ${serverWord(project.Name, [], 120)}'s steps ` +
        `use it as "${serverWord(caseOnly, [], 120)}": Octopus matches that id.`,
      serverWord(caseOnly, [], 120),
    );
  }
  const used = stepIds
    .slice(0, 20)
    .map((id) => `"${serverWord(id, [], 120)}"`)
    .join(", ");
  const closest =
    stepIds.find((id) => didYouMean(packageId, [id]) !== "") ??
    (stepIds.length === 1 ? stepIds[0] : undefined);
  const named = closest === undefined ? undefined : serverWord(closest, [], 120);
  return {
    ...finding(
      `No step of project ${serverWord(project.Name, [], 120)} uses "${packageId}" and the built-in feed has no such ` +
        `package, so Octopus will show this build information on none of the project's releases. Its steps use ${used}.`,
      named ?? "",
    ),
    ...(named === undefined
      ? { hint: "Pass --package-id with the id one of the project's steps uses." }
      : {}),
  };
}

/** Every package of a process's enabled actions. */
async function processPackages(api: ApiCaller, path: string): Promise<StepPackage[]> {
  const process = await readResource<{ Id: string; Steps?: unknown }>(api, {
    path,
    doing: `reading the deployment process ${path}`,
    permission: "ProcessView",
    what: "a deployment process",
  });
  const steps = Array.isArray(process?.Steps) ? process.Steps : [];
  return steps.flatMap((step: { Actions?: unknown } | null) =>
    (Array.isArray(step?.Actions) ? step.Actions : []).flatMap(
      (action: { Name?: unknown; IsDisabled?: unknown; Packages?: unknown } | null) =>
        action?.IsDisabled === true || !Array.isArray(action?.Packages)
          ? []
          : action.Packages.map(
              (reference: { Name?: unknown; PackageId?: unknown; FeedId?: unknown } | null) => ({
                action: serverText(action.Name) ?? "",
                referenceName: serverText(reference?.Name) ?? "",
                packageId: serverText(reference?.PackageId) ?? "",
                feedId: serverText(reference?.FeedId) ?? "",
              }),
            ),
    ),
  );
}
