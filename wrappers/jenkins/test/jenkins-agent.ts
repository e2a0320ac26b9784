// What a Jenkins agent gives the step's sh in these tests: the local Octopus server, a checkout with two
// commits, a fake Jenkins build API listing the second, the released `buildinfo` on the PATH, and the
// variables Jenkins sets for build 12 of job `shop`.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalOctopusServer, startOctopusServer } from "@buildinfo/server";
import { createTempGitRepo, type FakeApi, startFakeApi, type TempGitRepo } from "@buildinfo/testing";
import { pipelineBuild } from "../../../adapters/jenkins/test/jenkins-fixtures";
import { writeBuildinfoExecutable } from "../../../test/support/wrappers/buildinfo-executable";

export interface JenkinsAgent {
  server: LocalOctopusServer;
  jenkins: FakeApi;
  repo: TempGitRepo;
  /** A scratch folder, removed by close(). */
  dir: string;
  /** The build's environment: Jenkins's variables, PATH with `buildinfo`, HOME. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startJenkinsAgent(apiKey: string): Promise<JenkinsAgent> {
  const server = await startOctopusServer({ apiKeys: [apiKey] });
  const repo = await createTempGitRepo({
    commits: [{ message: "Initial commit" }, { message: "SHOP-7 add the basket" }],
    remoteUrl: "https://github.com/acme/shop.git",
  });
  const commits = repo.octopusCommits(`${repo.shas[0]}..${repo.shas[1]}`).map(({ Id, Comment }) => ({
    id: Id,
    comment: Comment,
  }));
  const jenkins = await startFakeApi((request) =>
    request.path === "/job/shop/12/api/json"
      ? { body: pipelineBuild([commits]) }
      : { body: { lastSuccessfulBuild: { number: 11 } } },
  );
  const dir = await mkdtemp(join(tmpdir(), "buildinfo-jenkins-"));
  const bin = await writeBuildinfoExecutable(join(dir, "bin"));
  const env = {
    PATH: `${bin}:${process.env.PATH}`,
    HOME: process.env.HOME ?? dir,
    JENKINS_URL: `${jenkins.url}/`,
    JOB_NAME: "shop",
    BUILD_NUMBER: "12",
    BUILD_URL: `${jenkins.url}/job/shop/12/`,
    GIT_COMMIT: repo.shas[1] as string,
    GIT_URL: "https://github.com/acme/shop.git",
    GIT_BRANCH: "origin/main",
    WORKSPACE: repo.dir,
  };
  return {
    server,
    jenkins,
    repo,
    dir,
    env,
    async close() {
      await server.close();
      await jenkins.close();
      await repo.cleanup();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
