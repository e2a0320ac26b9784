import { joinUrl } from "@buildinfo/core";

/**
 * `{collection}/{project}/_build/results?buildId={id}`: the exact shape the Octopus Azure DevOps issue
 * tracker parses (`^((https?://.+?)/+[^/]+)/+_build`, then `buildId`). The project name is encoded as a
 * path segment (spaces become %20), which the tracker's pattern still matches.
 */
export function azureDevOpsBuildUrl(collectionUri: string, project: string, buildId: string): string {
  return `${joinUrl(collectionUri, encodeURIComponent(project))}/_build/results?buildId=${encodeURIComponent(buildId)}`;
}
