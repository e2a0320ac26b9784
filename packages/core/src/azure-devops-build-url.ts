/** The Azure DevOps tracker's reading of BuildUrl: `{organisation}/{project}/_build…?buildId=N`. */
const buildUrlForm = /^\s*((https?:\/\/.+?)\/+[^/]+)\/+_build\b/;

export interface AzureDevOpsBuild {
  organizationUrl: string;
  projectUrl: string;
  buildId: string | undefined;
}

export function parseAzureDevOpsBuildUrl(buildUrl: string | undefined): AzureDevOpsBuild | undefined {
  const match = buildUrl === undefined ? null : buildUrlForm.exec(buildUrl);
  if (!match) return undefined;
  const buildId = /[?&]buildId=(\d+)/i.exec(buildUrl!)?.[1];
  return { organizationUrl: match[2]!, projectUrl: match[1]!, buildId };
}
