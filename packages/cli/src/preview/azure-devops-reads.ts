import {
  type AzureDevOpsRead,
  type BuildInformation,
  type HttpClient,
  type IssueTrackers,
  readAzureDevOpsWorkItems,
} from "@buildinfo/core";
import type { ResolvedTrackers, TrackerFlags } from "./issue-trackers";

/**
 * A build links few work items; a cap keeps a hostile or huge answer from making thousands of requests.
 * 8 MiB is far above one work item's JSON (its fields, description HTML included).
 */
const limits = { maxItems: 200, maxBytes: 8 * 1024 * 1024, concurrency: 4 };

const fromServer =
  "Octopus reads this build's Azure DevOps work items from Azure DevOps with its connection's personal access token, which its API never returns, so the preview lists none. To see them, pass the connection's URL as --azure-devops-base-url and a token that may read the build as --azure-devops-pat (tracker flags replace the server's settings: name its other trackers too).";
const withoutToken =
  "Octopus lists this build's Azure DevOps work items as Azure DevOps links them to the build; the preview reads them only with a token: pass --azure-devops-pat (or set BUILDINFO_AZURE_DEVOPS_PAT, or SYSTEM_ACCESSTOKEN in a pipeline).";

/**
 * The trackers each build is mapped with. When the flags name an Azure DevOps connection and a token, an
 * Azure DevOps build's work items are read as Octopus reads them (each `BuildUrl` once); otherwise, or
 * when a read fails, `note` says why the preview lists fewer than Octopus may.
 */
export function azureDevOpsTrackersOf(
  resolved: ResolvedTrackers,
  flags: TrackerFlags,
  http: HttpClient,
  note: (message: string) => void,
): (info: BuildInformation) => Promise<IssueTrackers> {
  const reads = new Map<string, Promise<AzureDevOpsRead | undefined>>();
  const read = (info: BuildInformation) => {
    if (info.BuildEnvironment !== "Azure DevOps") return Promise.resolve(undefined);
    const key = info.BuildUrl ?? "";
    if (!reads.has(key)) reads.set(key, readOnce(info));
    return reads.get(key)!;
  };
  const readOnce = async (info: BuildInformation): Promise<AzureDevOpsRead | undefined> => {
    if (resolved.from === "server") {
      note(fromServer);
      return undefined;
    }
    if (flags.azureDevOpsPat === undefined) {
      note(withoutToken);
      return undefined;
    }
    const connection = {
      baseUrl: flags.azureDevOpsBaseUrl!,
      personalAccessToken: flags.azureDevOpsPat,
      releaseNotePrefix: flags.azureDevOpsReleaseNotePrefix,
    };
    const result = await readAzureDevOpsWorkItems(http, info, [connection], limits);
    for (const message of result?.notes ?? []) note(message);
    return result;
  };
  return async (info) => {
    if (resolved.trackers.azureDevOps === undefined) return resolved.trackers;
    const result = await read(info);
    return result === undefined ? resolved.trackers : { ...resolved.trackers, azureDevOps: result.tracker };
  };
}
