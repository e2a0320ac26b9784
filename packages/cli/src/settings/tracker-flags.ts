import type { Environment } from "@buildinfo/core";
import { type ParsedArgs, stringValue } from "../args";
import type { TrackerFlags } from "../preview/issue-trackers";

/** The trackers named by flags or their environment variables. */
export function trackerFlagsFrom(values: ParsedArgs["values"], env: Environment): TrackerFlags {
  const value = (name: string, variable: string) => {
    const given = stringValue(values, name) ?? env[variable];
    return given === undefined || given.trim() === "" ? undefined : given.trim();
  };
  return {
    githubBaseUrl: value("github-base-url", "BUILDINFO_GITHUB_BASE_URL"),
    jiraBaseUrl: value("jira-base-url", "BUILDINFO_JIRA_BASE_URL"),
    azureDevOpsBaseUrl: value("azure-devops-base-url", "BUILDINFO_AZURE_DEVOPS_BASE_URL"),
  };
}
