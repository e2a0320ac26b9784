import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/helpers/run-cli";

// A build of a repository's very first commit: the head-only fallback reads `head^..head`, and the
// first commit has no parent, so this must yield just that commit instead of E_GIT_REVISION.
describe("collect on a repository with one commit", () => {
  let repo: TempGitRepo;
  let head: string;

  beforeAll(async () => {
    repo = await createTempGitRepo({ commits: [{ message: "Initial commit\n\nwith a body" }] });
    head = repo.shas[0]!;
  });

  afterAll(async () => {
    await repo.cleanup();
  });

  it("sends the first commit for a server that gives only the built commit (GitLab CI, no previous)", async () => {
    const result = await runCli(["collect"], {
      cwd: repo.dir,
      env: {
        GITLAB_CI: "true",
        CI_COMMIT_SHA: head,
        CI_COMMIT_BEFORE_SHA: "0000000000000000000000000000000000000000",
        CI_COMMIT_REF_NAME: "main",
        CI_PIPELINE_IID: "1",
        CI_PROJECT_URL: "https://gitlab.example.com/shop/api",
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).Commits).toEqual([
      { Id: head, Comment: "Initial commit\n\nwith a body" },
    ]);
    expect(result.stderr).not.toContain("E_GIT_REVISION");
  });

  it("sends the first commit with the git adapter, also when that commit is tagged", async () => {
    const untagged = await runCli(["collect", "--from", "git"], { cwd: repo.dir });
    expect(untagged.code, untagged.stderr).toBe(0);
    expect(JSON.parse(untagged.stdout).Commits).toEqual([
      { Id: head, Comment: "Initial commit\n\nwith a body" },
    ]);

    repo.git(["tag", "v1.0.0"]);
    const tagged = await runCli(["collect", "--from", "git"], { cwd: repo.dir });
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(JSON.parse(tagged.stdout).Commits).toEqual([
      { Id: head, Comment: "Initial commit\n\nwith a body" },
    ]);
  });
});
