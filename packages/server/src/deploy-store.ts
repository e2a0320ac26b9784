import type {
  ChannelResource,
  DeploymentProcessResource,
  DeploymentResource,
  EnvironmentResource,
  FeedResource,
  PackageResource,
  ProjectResource,
  ReleaseResource,
  StoredTask,
  TenantResource,
} from "./deploy-resources";

/** A package of the built-in feed, with the space it was uploaded to. */
export type StoredPackage = PackageResource & { SpaceId: string };

/** Everything on the deployment side, as the state file holds it. */
export interface DeployState {
  /** The next number of each id prefix (`Projects-`, `Releases-`, …); ids are unique across spaces, as Octopus's are. */
  nextIds: Record<string, number>;
  projects: ProjectResource[];
  environments: EnvironmentResource[];
  channels: ChannelResource[];
  tenants: TenantResource[];
  processes: DeploymentProcessResource[];
  snapshots: DeploymentProcessResource[];
  releases: ReleaseResource[];
  deployments: DeploymentResource[];
  tasks: StoredTask[];
  feeds: FeedResource[];
  packages: StoredPackage[];
}

function emptyState(): DeployState {
  return {
    nextIds: {},
    projects: [],
    environments: [],
    channels: [],
    tenants: [],
    processes: [],
    snapshots: [],
    releases: [],
    deployments: [],
    tasks: [],
    feeds: [],
    packages: [],
  };
}

/** The projects, environments, releases, deployments, … of every space; `changed()` writes the state file. */
export class DeployStore {
  readonly data: DeployState;

  constructor(
    initial: unknown,
    private readonly onChange: () => void,
  ) {
    // A file written before these resources existed has none; one written since holds every list.
    this.data = { ...emptyState(), ...(initial as Partial<DeployState> | undefined) };
  }

  /** The next id with this prefix: `Projects-1`, `Projects-2`, … */
  nextId(prefix: string): string {
    const next = this.data.nextIds[prefix] ?? 1;
    this.data.nextIds[prefix] = next + 1;
    return `${prefix}${next}`;
  }

  changed(): void {
    this.onChange();
  }

  inSpace<T extends { SpaceId: string }>(items: T[], spaceId: string): T[] {
    return items.filter((item) => item.SpaceId === spaceId);
  }

  /** A resource of the space by id (case-insensitively, as Octopus routes match ids). */
  byId<T extends { Id: string; SpaceId: string }>(items: T[], spaceId: string, id: string): T | undefined {
    const wanted = id.toLowerCase();
    return items.find((item) => item.SpaceId === spaceId && item.Id.toLowerCase() === wanted);
  }
}
