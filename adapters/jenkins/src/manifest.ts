import type { AdapterManifest } from "@buildinfo/core";

/**
 * Jenkins (docs/reference/servers/jenkins.md): the git plugin's variables, and the change sets of this
 * run and of the failed runs before it from the build's JSON API.
 */
export const manifest: AdapterManifest = {
  id: "jenkins",
  displayName: "Jenkins",
  detectWhen: [[{ variable: "JENKINS_URL" }], [{ variable: "BUILD_URL" }, { variable: "JOB_NAME" }]],
  historyFix:
    "turn off 'Shallow clone' in the job's git 'Advanced clone behaviours'; for a pull request, fetch its target branch too (refspec `+refs/heads/*:refs/remotes/origin/*`)",
  loadCollector: async () => (await import("./collector")).collect,
};
