import { dotnetAnyButNewline, dotnetWhitespace, parseInt32 } from "./dotnet-text";

// OctopusDeploy/AzureDevOpsIssueTracker source/Server/AdoClients/AdoUrl.cs, AdoBuildUrls.ParseBrowserUrl:
// docs/reference/octopus-work-items.md#azure-devops. Case-sensitive; `\b` is .NET's (Unicode word characters).
const browserUrlPrefix = new RegExp(
  String.raw`^${dotnetWhitespace}*((https?://${dotnetAnyButNewline}+?)/+[^/]+)/+_build(?![\p{L}\p{Mn}\p{Nd}\p{Pc}])`,
  "u",
);

/** The organisation, project and build Octopus's Azure DevOps tracker reads from a build's `BuildUrl`. */
export interface AzureDevOpsBuildUrls {
  organizationUrl: string;
  projectUrl: string;
  buildId: number;
}

/**
 * `AdoBuildUrls.ParseBrowserUrl`: `{organisation}/{project}/_build…?buildId=N`. Undefined where Octopus
 * throws "Unrecognized build browse URL" (and then lists no Azure DevOps work items).
 */
export function parseAzureDevOpsBuildUrl(
  buildUrl: string | null | undefined,
): AzureDevOpsBuildUrls | undefined {
  const prefix = browserUrlPrefix.exec(buildUrl ?? "");
  if (!prefix) return undefined;
  let query: URLSearchParams;
  try {
    query = new URL(buildUrl!.trim()).searchParams;
  } catch {
    return undefined;
  }
  // HttpUtility.ParseQueryString: keys case-insensitive, repeated values joined with commas.
  const values = [...query].filter(([key]) => key.toLowerCase() === "buildid").map(([, value]) => value);
  const buildId = values.length === 0 ? undefined : parseInt32(values.join(","));
  return buildId === undefined ? undefined : { organizationUrl: prefix[2]!, projectUrl: prefix[1]!, buildId };
}
