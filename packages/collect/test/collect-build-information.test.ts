import type { AdapterContext, AdapterManifest, BuildInformationDraft } from "@buildinfo/core";
import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectBuildInformation } from "../src/index";

function fakeServer(
  draft: (repo: TempGitRepo) => BuildInformationDraft,
  repo: TempGitRepo,
): AdapterManifest & { seen: AdapterContext[] } {
  const seen: AdapterContext[] = [];
  return {
    id: "acme-ci",
    displayName: "Acme CI",
    detectWhen: [[{ variable: "ACME" }]],
    options: [{ key: "vcsRootId", flag: "vcs-root-id", valueName: "ID", help: "the root" }],
    historyFix: "fetch more",
    seen,
    loadCollector: async () => async (context) => {
      seen.push(context);
      return draft(repo);
    },
  };
}

describe("collectBuildInformation", () => {
  let repo: TempGitRepo;

  beforeAll(async () => {
    repo = await createTempGitRepo({
      branch: "main",
      remoteUrl: "git@github.com:acme/shop.git",
      commits: [
        { message: "One", files: { "a.txt": "1" } },
        { message: "Two", files: { "a.txt": "2" } },
        { message: "SHOP-9 Three\n\nbody", files: { "a.txt": "3" } },
      ],
    });
  });

  afterAll(async () => {
    await repo.cleanup();
  });

  it("fills the range an adapter asks for from the checkout, applies overrides, then normalises", async () => {
    const adapter = fakeServer(
      (r) => ({
        buildEnvironment: "Acme CI",
        buildNumber: "7",
        branch: "refs/heads/main",
        vcsType: "jetbrains.git",
        vcsRoot: "git@github.com:acme/shop.git",
        vcsCommitNumber: r.shas[2],
        commitRange: { from: r.shas[0], to: r.shas[2]!, source: "ACME_PREVIOUS..ACME_COMMIT" },
        sources: { branch: "ACME_BRANCH" },
      }),
      repo,
    );
    const result = await collectBuildInformation({
      adapter,
      env: { ACME: "1" },
      cwd: repo.dir,
      overrides: { buildNumber: "7.1" },
      options: { vcsRootId: "Shop" },
    });
    expect(result.adapter).toBe(adapter);
    expect(adapter.seen[0]?.options).toEqual({ vcsRootId: "Shop" });
    expect(adapter.seen[0]?.env).toEqual({ ACME: "1" });
    expect(result.buildInformation).toEqual({
      BuildEnvironment: "Acme CI",
      BuildNumber: "7.1",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop",
      VcsCommitNumber: repo.shas[2],
      Commits: [
        { Id: repo.shas[2], Comment: "SHOP-9 Three\n\nbody" },
        { Id: repo.shas[1], Comment: "Two" },
      ],
    });
    expect(result.draft.sources?.buildNumber).toBe("--build-number");
  });

  it("replaces what the server's API gave with the checkout's commits after `since`", async () => {
    const adapter = fakeServer(
      (r) => ({
        buildEnvironment: "Acme CI",
        vcsType: "git",
        vcsCommitNumber: r.shas[2],
        commits: [{ id: r.shas[2]!, comment: "from the API" }],
      }),
      repo,
    );
    const result = await collectBuildInformation({ adapter, env: {}, cwd: repo.dir, since: repo.shas[1] });
    expect(result.buildInformation.Commits).toEqual([{ Id: repo.shas[2], Comment: "SHOP-9 Three\n\nbody" }]);
  });

  it("reads `since` up to the commit --commit names, the head it reports", async () => {
    const adapter = fakeServer(
      (r) => ({ buildEnvironment: "Acme CI", vcsType: "git", vcsCommitNumber: r.shas[2] }),
      repo,
    );
    const result = await collectBuildInformation({
      adapter,
      env: {},
      cwd: repo.dir,
      since: repo.shas[0],
      overrides: { vcsCommitNumber: repo.shas[1] },
    });
    expect(result.buildInformation.VcsCommitNumber).toBe(repo.shas[1]);
    expect(result.buildInformation.Commits).toEqual([{ Id: repo.shas[1], Comment: "Two" }]);
  });

  it("caps the commits and says so", async () => {
    const result = await collectBuildInformation({ adapter: "git", env: {}, cwd: repo.dir, commitCap: 1 });
    expect(result.buildInformation.Commits).toHaveLength(1);
    expect(result.warnings.join("\n")).toMatch(/1/);
  });

  it("falls back to the git checkout when no build server is detected", async () => {
    const result = await collectBuildInformation({ env: {}, cwd: repo.dir });
    expect(result.adapter.id).toBe("git");
    expect(result.buildInformation.VcsCommitNumber).toBe(repo.shas[2]);
  });

  it("rejects an unsupported VCS from the adapter with an input error naming its source", async () => {
    const adapter = fakeServer(
      () => ({ buildEnvironment: "Acme CI", vcsType: "svn", sources: { vcsType: "ACME_SCM" }, commits: [] }),
      repo,
    );
    await expect(collectBuildInformation({ adapter, env: {}, cwd: repo.dir })).rejects.toMatchObject({
      code: "E_VCS_UNSUPPORTED",
      kind: "input",
    });
    await expect(collectBuildInformation({ adapter, env: {}, cwd: repo.dir })).rejects.toThrowError(
      /ACME_SCM/,
    );
  });

  it("rejects an unknown adapter id", async () => {
    await expect(
      collectBuildInformation({ adapter: "circleci", env: {}, cwd: repo.dir }),
    ).rejects.toMatchObject({
      code: "E_USAGE",
    });
  });
});
