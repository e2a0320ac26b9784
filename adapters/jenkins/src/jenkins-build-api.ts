import {
  getBuildServerJson,
  type HttpClient,
  type HttpRequestOptions,
  joinUrl,
  type RawCommit,
} from "@buildinfo/core";

const changeSetFields = "kind,items[commitId,comment,msg,timestamp]";

/** Only what the adapter reads: both change-set keys and the git plugin's BuildData action. */
export const jenkinsBuildTree =
  `changeSet[${changeSetFields}],changeSets[${changeSetFields}],` +
  "actions[_class,lastBuiltRevision[SHA1,branch[name]],remoteUrls]";

/** A change-set item: a commit, with Jenkins's `timestamp` (epoch ms) when the SCM gives one. */
export interface JenkinsCommit extends RawCommit {
  timestamp?: number;
}

interface JenkinsChangeSet {
  /** `git`, `svn`, … or null for an empty freestyle change set. */
  kind: string | null;
  /** Newest first. */
  commits: JenkinsCommit[];
}

/** The git plugin's `hudson.plugins.git.util.BuildData`: what was checked out, for pipelines that lack GIT_* env. */
export interface JenkinsBuildData {
  sha?: string | undefined;
  /** e.g. `refs/remotes/origin/main`. */
  branch?: string | undefined;
  remoteUrls: string[];
}

export interface JenkinsBuildRecord {
  changeSets: JenkinsChangeSet[];
  buildData: JenkinsBuildData[];
}

interface ChangeItemJson {
  commitId?: unknown;
  id?: unknown;
  comment?: unknown;
  msg?: unknown;
  timestamp?: unknown;
}

interface ChangeSetJson {
  kind?: unknown;
  items?: ChangeItemJson[];
}

interface ActionJson {
  lastBuiltRevision?: { SHA1?: unknown; branch?: { name?: unknown }[] };
  remoteUrls?: unknown[];
}

interface BuildJson {
  changeSet?: ChangeSetJson | null;
  changeSets?: ChangeSetJson[];
  actions?: (ActionJson | null)[];
}

const asString = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

function toChangeSet(json: ChangeSetJson): JenkinsChangeSet {
  const commits: JenkinsCommit[] = [];
  for (const item of json.items ?? []) {
    const id = asString(item.commitId) ?? asString(item.id);
    // `msg` is the first line only; `comment` is the full message (SVN items may lack it).
    const comment = asString(item.comment) ?? asString(item.msg) ?? "";
    // Jenkins reports -1 when the SCM knows no time.
    const timestamp = typeof item.timestamp === "number" && item.timestamp >= 0 ? item.timestamp : undefined;
    if (id !== undefined) commits.push({ id, comment, ...(timestamp === undefined ? {} : { timestamp }) });
  }
  // Jenkins lists a change set oldest first.
  commits.reverse();
  return { kind: asString(json.kind) ?? null, commits };
}

function toBuildData(action: ActionJson): JenkinsBuildData | undefined {
  if (action.remoteUrls === undefined && action.lastBuiltRevision === undefined) return undefined;
  const revision = action.lastBuiltRevision;
  return {
    sha: asString(revision?.SHA1),
    branch: asString(revision?.branch?.[0]?.name),
    remoteUrls: (action.remoteUrls ?? []).flatMap((url) => asString(url) ?? []),
  };
}

export const JENKINS_CREDENTIALS_HINT =
  "Set JENKINS_USER_ID and JENKINS_API_TOKEN (an API token of a user who can read the job).";

export const JENKINS_URL_HINT =
  "Check that BUILD_URL / JENKINS_URL point at Jenkins itself, not a proxy or single sign-on page.";

/** A build's `api/json` (freestyle `changeSet` and pipeline `changeSets`, newest change set last). */
function parseJenkinsBuild(json: BuildJson | null): JenkinsBuildRecord {
  const changeSets = [...(json?.changeSet ? [json.changeSet] : []), ...(json?.changeSets ?? [])].map(
    toChangeSet,
  );
  const buildData = (json?.actions ?? []).flatMap((action) => (action ? (toBuildData(action) ?? []) : []));
  return { changeSets, buildData };
}

function jenkinsBuildApiUrl(buildUrl: string): string {
  return `${joinUrl(buildUrl, "api/json")}?tree=${encodeURIComponent(jenkinsBuildTree)}`;
}

/** One request: `{BUILD_URL}api/json?tree=…`. Throws BuildInfoError for statuses and transport failures. */
export async function readJenkinsBuild(
  http: HttpClient,
  buildUrl: string,
  basicAuth: HttpRequestOptions["basicAuth"],
): Promise<JenkinsBuildRecord> {
  const url = jenkinsBuildApiUrl(buildUrl);
  const json = await getBuildServerJson<BuildJson>(http, url, {
    basicAuth,
    what: "the build's change sets",
    hint: JENKINS_CREDENTIALS_HINT,
    notJsonHint: JENKINS_URL_HINT,
  });
  return parseJenkinsBuild(json);
}
