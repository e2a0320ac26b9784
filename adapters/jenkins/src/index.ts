export { jenkinsAdapter } from "./jenkins-adapter";
export { jenkinsBranch } from "./jenkins-branch";
export type { JenkinsBuildData, JenkinsBuildRecord, JenkinsChangeSet } from "./jenkins-build-api";
export {
  jenkinsBuildTree,
  parseJenkinsBuild,
  readJenkinsBuild,
} from "./jenkins-build-api";
export { jenkinsBuildUrl } from "./jenkins-build-url";
export { readRunsSinceLastSuccess } from "./jenkins-failed-runs";
export { jenkinsGitCommits } from "./jenkins-git-commits";
