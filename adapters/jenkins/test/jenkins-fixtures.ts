/**
 * Jenkins `api/json` bodies shaped like real ones (netmelody/ci-eye jenkins_2.60.1_builddetail_*.json
 * for freestyle, the WorkflowRun shape of docs/reference/servers/jenkins.md#the-builds-changes for pipelines), trimmed to the `tree=`
 * the adapter asks for.
 */
export interface FixtureCommit {
  id: string;
  comment: string;
  /** Minutes after the fixtures' epoch; by default a set's commits are a minute apart from the epoch. */
  at?: number;
}

const epoch = 1714641247000;

/** Jenkins lists a change set's items oldest first; `commits` are given newest first like everywhere else. */
export function gitItems(commits: FixtureCommit[]): object[] {
  return [...commits].reverse().map((commit, index) => ({
    _class: "hudson.plugins.git.GitChangeSet",
    commitId: commit.id,
    comment: commit.comment.endsWith("\n") ? commit.comment : `${commit.comment}\n`,
    msg: commit.comment.split("\n")[0],
    timestamp: epoch + (commit.at ?? index) * 60_000,
    author: { fullName: "Dana Lee" },
  }));
}

export function buildDataAction(sha: string, branch: string, remoteUrl: string): object {
  return {
    _class: "hudson.plugins.git.util.BuildData",
    lastBuiltRevision: { SHA1: sha, branch: [{ SHA1: sha, name: branch }] },
    remoteUrls: [remoteUrl],
  };
}

export function freestyleBuild(commits: FixtureCommit[], actions: object[] = []): object {
  return {
    _class: "hudson.model.FreeStyleBuild",
    actions: [{ _class: "hudson.model.CauseAction" }, ...actions, {}],
    changeSet: {
      _class: "hudson.plugins.git.GitChangeSetList",
      items: gitItems(commits),
      kind: commits.length === 0 ? null : "git",
    },
  };
}

export function pipelineBuild(changeSets: FixtureCommit[][], actions: object[] = []): object {
  return {
    _class: "org.jenkinsci.plugins.workflow.job.WorkflowRun",
    actions: [{ _class: "hudson.model.CauseAction" }, ...actions],
    changeSets: changeSets.map((commits) => ({
      _class: "hudson.plugins.git.GitChangeSetList",
      kind: "git",
      items: gitItems(commits),
    })),
  };
}
