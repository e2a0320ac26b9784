// OctopusDeploy/AzureDevOpsIssueTracker source/Server/Configuration/IAzureDevOpsConfigurationStoreExtension.cs,
// GetMostQualifiedConnection: docs/reference/octopus-work-items.md#azure-devops-connections.

/**
 * The connection Octopus uses for a build (its personal access token and Release Note Prefix): the
 * longest base URL (with a `/` appended) that is a base of the project URL (else the organisation URL),
 * as .NET's `Uri.IsBaseOf` decides. Undefined when none is, and then no token is sent.
 */
export function mostQualifiedAzureDevOpsConnection<Connection extends { baseUrl?: string | null }>(
  connections: readonly Connection[],
  build: { organizationUrl: string; projectUrl?: string | null },
): Connection | undefined {
  const target = canonical(withSlash(build.projectUrl ?? build.organizationUrl));
  if (target === undefined) return undefined;
  return connections
    .filter((connection) => typeof connection.baseUrl === "string")
    .map((connection) => ({ connection, base: withSlash(connection.baseUrl!) }))
    .sort((a, b) => b.base.length - a.base.length)
    .find(({ base }) => {
      const canonicalBase = canonical(base);
      return canonicalBase !== undefined && isSubPath(canonicalBase, target);
    })?.connection;
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** Scheme, user info, host, port and path, as `Uri.IsBaseOf` compares them (no query or fragment). */
function canonical(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const userInfo =
      parsed.username === ""
        ? ""
        : `${parsed.username}${parsed.password === "" ? "" : `:${parsed.password}`}@`;
    return `${parsed.protocol}//${userInfo}${parsed.host}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/** `UriHelper.TestForSubPath`: every segment of the base up to its last `/` equals the target's. */
function isSubPath(base: string, target: string): boolean {
  let sameBeforeSlash = true;
  let index = 0;
  for (; index < base.length && index < target.length; index++) {
    const self = base[index];
    if (self === "/") {
      if (target[index] !== "/" || !sameBeforeSlash) return false;
      continue;
    }
    if (self !== target[index]) sameBeforeSlash = false;
  }
  return !base.slice(index).includes("/");
}
