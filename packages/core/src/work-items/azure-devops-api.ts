import type { AzureDevOpsBuildUrls } from "./azure-devops-build-urls";
import { dotnetTrim, isNullOrWhiteSpace, parseInt32 } from "./dotnet-text";
import { htmlToPlainText } from "./html-to-text";

// The Azure DevOps requests Octopus's tracker makes and how it reads the answers (AdoApiClient.cs), for
// whoever fetches a build's work items to pass to mapBuildInformation.
// docs/reference/octopus-work-items.md#azure-devops

/** One HTTP answer from Azure DevOps: its status and its parsed JSON body (null when there was none). */
export interface AzureDevOpsAnswer {
  status: number;
  body: unknown;
}

/** A build's work item as Octopus reads it: `title` is absent when its details could not be read. */
export interface AzureDevOpsWorkItem {
  id: number;
  title?: string;
  /** `System.CommentCount` (0 when absent). */
  commentCount?: number;
  /** Its comments as text, absent when they were not (or could not be) read. */
  comments?: readonly string[];
}

/** `GET {project}/_apis/build/builds/{id}/workitems?api-version=4.1`: the build's work-item references. */
export function azureDevOpsBuildWorkItemsUrl(build: AzureDevOpsBuildUrls): string {
  return `${build.projectUrl}/_apis/build/builds/${build.buildId}/workitems?api-version=4.1`;
}

/** `GET {project}/_apis/wit/workitems/{id}?api-version=4.1`: a work item's title and comment count. */
export function azureDevOpsWorkItemUrl(projectUrl: string, id: number): string {
  return `${projectUrl}/_apis/wit/workitems/${id}?api-version=4.1`;
}

/** `GET {project}/_apis/wit/workitems/{id}/comments?api-version=4.1-preview.2`: asked for only when the prefix is set and there are comments. */
export function azureDevOpsWorkItemCommentsUrl(projectUrl: string, id: number): string {
  return `${projectUrl}/_apis/wit/workitems/${id}/comments?api-version=4.1-preview.2`;
}

/** The ids in a build-work-items answer: none for a 404 (a deleted build); undefined where Octopus fails the whole lookup. */
export function readAzureDevOpsBuildWorkItemIds(answer: AzureDevOpsAnswer): number[] | undefined {
  const ids = listIn(answer, "value")?.map((reference) => integer(property(reference, "id")));
  return ids?.every((id) => id !== undefined) ? ids : undefined;
}

/** A work-item answer read as Octopus reads it; a 404 (a deleted item) counts as titled by its id. */
export function readAzureDevOpsWorkItem(id: number, answer: AzureDevOpsAnswer): AzureDevOpsWorkItem {
  if (answer.status === 404) return { id, title: String(id), commentCount: 0 };
  const fields = isSuccess(answer.status) ? property(answer.body, "fields") : undefined;
  if (fields === undefined || fields === null) return { id };
  const title = property(fields, "System.Title");
  const commentCount = integer(property(fields, "System.CommentCount"));
  if (commentCount === undefined) return { id };
  return { id, title: title === undefined || title === null ? "" : String(title), commentCount };
}

/** A comments answer as text (`HtmlConvert`, trimmed, blanks dropped): none for a 404, undefined on failure. */
export function readAzureDevOpsWorkItemComments(answer: AzureDevOpsAnswer): string[] | undefined {
  return listIn(answer, "comments")
    ?.map((comment) => property(comment, "text"))
    .filter((text) => text !== undefined && text !== null)
    .map((text) => dotnetTrim(htmlToPlainText(String(text))))
    .filter((text) => !isNullOrWhiteSpace(text));
}

/** A list answer's array (`jObject?[name]?.Select…`): empty for a 404 or no such property; undefined on failure. */
function listIn(answer: AzureDevOpsAnswer, name: string): unknown[] | undefined {
  if (answer.status === 404) return [];
  if (!isSuccess(answer.status)) return undefined;
  const list = property(answer.body, name);
  if (list === undefined || list === null) return [];
  return Array.isArray(list) ? list : undefined;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

function property(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** `JToken.Value<int>()` with `?? default`: absent is 0; a number or a numeric string converts; else it throws (undefined). */
function integer(value: unknown): number | undefined {
  if (value === undefined || value === null) return 0;
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  return typeof value === "string" ? parseInt32(value) : undefined;
}
