// Octopus's own test cases for its issue trackers, ported as data (octopus-vectors/README.md), run against
// the core's rules. Each rule below only turns a case's inputs into calls; the expected values are Octopus's.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type BuildInformationRecord,
  type GitHubIssue,
  type JiraIssue,
  mapBuildInformation,
  type WorkItemResult,
} from "../src/index";
import {
  type AzureDevOpsAnswer,
  azureDevOpsBuildWorkItemsUrl,
  azureDevOpsWorkItemCommentsUrl,
  azureDevOpsWorkItemUrl,
  readAzureDevOpsBuildWorkItemIds,
  readAzureDevOpsWorkItem,
  readAzureDevOpsWorkItemComments,
} from "../src/work-items/azure-devops-api";
import { parseAzureDevOpsBuildUrl } from "../src/work-items/azure-devops-build-urls";
import { mostQualifiedAzureDevOpsConnection } from "../src/work-items/azure-devops-connection";
import { commitLinkUrl } from "../src/work-items/commit-link";
import { parseGitHubReferences } from "../src/work-items/github-comment-parser";
import { gitHubDescription } from "../src/work-items/github-description";
import { gitHubIssueLink } from "../src/work-items/github-issue-link";
import { htmlToPlainText } from "../src/work-items/html-to-text";
import { parseJiraKeys } from "../src/work-items/jira-comment-parser";
import { jiraDescription } from "../src/work-items/jira-description";

/** Every input a case can carry; each rule reads its own. */
interface VectorInput {
  comment: string;
  baseUrl: string;
  vcsRoot: string;
  linkData: string;
  issueNumber: string;
  releaseNotePrefix: string;
  githubAnswers: { owner: string; repo: string; number: number; issue: GitHubIssue }[];
  record: BuildInformationRecord;
  jiraAnswers: JiraIssue[];
  issue: JiraIssue;
  buildUrl: string;
  connections: Connection[];
  http: (AzureDevOpsAnswer & { url: string; pat: string })[];
  html: string;
  configured: boolean;
  commitNumber: string;
}
/** What a case asserts: a whole value, or the parts of a list its test checks. */
interface ListExpectation {
  count?: number;
  first?: unknown;
  last?: unknown;
  single?: object;
  descriptions?: Record<string, string>;
  workItems?: object[];
}
interface VectorCase {
  test: string;
  row?: string;
  rule: string;
  input: VectorInput;
  expected: unknown;
}
interface VectorFile {
  source: { repository: string; commit: string; path: string; license: string };
  rulesUnderTest: string[];
  cases: VectorCase[];
  notPorted: { test: string; why: string }[];
}

const folder = join(import.meta.dirname, "octopus-vectors");
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name, vectors: JSON.parse(readFileSync(join(folder, name), "utf8")) as VectorFile }));

interface Connection {
  baseUrl: string;
  pat: string;
  releaseNotePrefix?: string;
}

/** What a case's rule computes, shaped like its `expected`. */
const rules: Record<string, (input: VectorInput) => unknown> = {
  "github.parse": ({ comment }) =>
    parseGitHubReferences(comment).map(({ issueNumber, linkData }) => ({ issueNumber, linkData })),
  "github.link": ({ baseUrl, vcsRoot, linkData }) => gitHubIssueLink(baseUrl, vcsRoot, linkData),
  // The test's GitHub client answers only for the owner, repo and number it was set up with.
  "github.description": ({ vcsRoot, issueNumber, linkData, releaseNotePrefix, githubAnswers }) =>
    gitHubDescription(vcsRoot, issueNumber, linkData, releaseNotePrefix, (repository, number) => {
      const answer = githubAnswers.find(
        (candidate: { owner: string; repo: string; number: number }) =>
          candidate.owner === repository.owner &&
          candidate.repo === repository.repo &&
          candidate.number === number,
      );
      return answer?.issue as GitHubIssue | undefined;
    }),
  "github.map": ({ baseUrl, record }) =>
    mapBuildInformation(record, { github: { baseUrl } }).workItems.filter((item) => item.status === "linked"),
  "jira.parse": ({ comment }) => parseJiraKeys(comment).map((match) => match.key),
  "jira.description": ({ issue, releaseNotePrefix }) => jiraDescription(issue, releaseNotePrefix),
  // The test's Jira client answers every key lookup with the issues it was set up with.
  "jira.map": ({ baseUrl, jiraAnswers, record }) =>
    mapBuildInformation(record, { jira: { baseUrl, issues: jiraAnswers as JiraIssue[] } }).workItems.filter(
      (item) => item.status === "linked",
    ),
  "ado.buildUrl": ({ buildUrl }) => parseAzureDevOpsBuildUrl(buildUrl) ?? { invalid: true },
  "ado.connection": ({ connections, buildUrl }) => ({
    pat:
      mostQualifiedAzureDevOpsConnection<Connection>(connections, parseAzureDevOpsBuildUrl(buildUrl)!)?.pat ??
      null,
  }),
  "ado.htmlToText": ({ html }) => ({ lines: htmlToPlainText(html).split("\n") }),
  "ado.map": ({ configured, record }) =>
    mapBuildInformation(record, configured ? { azureDevOps: { buildWorkItems: [] } } : {}).workItems,
  "ado.client": azureDevOpsClient,
  "commit.link": ({ record, commitNumber }) => commitLinkUrl(record, commitNumber),
};

/**
 * The test's Azure DevOps: answers keyed by URL and the token sent (NSubstitute gives an unset call the
 * default answer, status 0). Requests are made as Octopus's AdoApiClient makes them, with the connection
 * the core picks; the answers are read and mapped by the core.
 */
function azureDevOpsClient({ connections, buildUrl, http }: VectorInput): {
  workItems: WorkItemResult[];
} {
  const build = parseAzureDevOpsBuildUrl(buildUrl)!;
  const connection = mostQualifiedAzureDevOpsConnection<Connection>(connections, build);
  const get = (url: string): AzureDevOpsAnswer =>
    http.find(
      (answer: { url: string; pat: string }) =>
        answer.url === url && answer.pat === (connection?.pat ?? null),
    ) ?? {
      status: 0,
      body: null,
    };
  const ids = readAzureDevOpsBuildWorkItemIds(get(azureDevOpsBuildWorkItemsUrl(build)));
  if (ids === undefined) throw new Error("the build's work items could not be read");
  const buildWorkItems = ids.map((id) => {
    const item = readAzureDevOpsWorkItem(id, get(azureDevOpsWorkItemUrl(build.projectUrl, id)));
    const comments = readAzureDevOpsWorkItemComments(
      get(azureDevOpsWorkItemCommentsUrl(build.projectUrl, id)),
    );
    return comments === undefined ? item : { ...item, comments };
  });
  const record = { BuildEnvironment: "Azure DevOps", BuildUrl: buildUrl, Commits: [] };
  const releaseNotePrefix = connection?.releaseNotePrefix;
  const trackers = {
    azureDevOps: { buildWorkItems, ...(releaseNotePrefix === undefined ? {} : { releaseNotePrefix }) },
  };
  return { workItems: mapBuildInformation(record, trackers).workItems };
}

/** Checks what a case asserts, the way its C# test asserts it (first, last, count, single, or all fields). */
function check(actual: unknown, expected: unknown): void {
  const parts = ["count", "first", "last", "single", "descriptions", "workItems"];
  if (typeof expected !== "object" || expected === null || !parts.some((part) => part in expected)) {
    expect(actual).toEqual(expected);
    return;
  }
  const { count, first, last, single, descriptions, workItems } = expected as ListExpectation;
  const list = actual as WorkItemResult[];
  if (count !== undefined) expect(list).toHaveLength(count);
  if (first !== undefined) expect(list[0]).toEqual(first);
  if (last !== undefined) expect(list.at(-1)).toEqual(last);
  if (single !== undefined) {
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject(single);
  }
  for (const [id, description] of Object.entries(descriptions ?? {})) {
    expect(list.find((item) => item.id === id)?.description).toBe(description);
  }
  if (workItems !== undefined) {
    const mapped = (actual as { workItems: WorkItemResult[] }).workItems;
    expect(mapped).toHaveLength(workItems.length);
    for (const [index, item] of workItems.entries()) expect(mapped[index]).toMatchObject(item);
  }
}

describe.each(files)("$name", ({ vectors }) => {
  it("names its source, its license and why any case is not run", () => {
    expect(vectors.source).toMatchObject({
      repository: expect.stringMatching(/^OctopusDeploy\//),
      license: "Apache-2.0",
    });
    expect(vectors.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(vectors.cases.length).toBeGreaterThan(0);
    for (const skipped of vectors.notPorted) expect(skipped.why.length).toBeGreaterThan(20);
  });
  it.each(vectors.cases.map((vector) => [`${vector.test} ${vector.row ?? ""}`.trim(), vector] as const))(
    "%s",
    (_name, vector) => {
      const rule = rules[vector.rule];
      if (rule === undefined) throw new Error(`no rule ${vector.rule}`);
      check(rule(vector.input), vector.expected);
    },
  );
});
