import { isDetected, normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createTempGitRepo, createTestContext, type TempGitRepoOptions } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { collect } from "../src/collector";
import { manifest } from "../src/manifest";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function tempRepo(options: TempGitRepoOptions) {
  const repo = await createTempGitRepo(options);
  cleanups.push(repo.cleanup);
  return { repo, git: createGitRunner(repo.dir) };
}

const fourCommits = {
  commits: [
    { message: "Initial import" },
    { message: "SHOP-11 Add the catalogue\n\nWith paging." },
    { message: "SHOP-12 Cache prices\n\nFixes #41" },
    { message: "Tidy up" },
  ],
};

describe("gitAdapter", () => {
  it("is never detected: the CLI falls back to it", () => {
    expect(manifest.id).toBe("git");
    expect(manifest.displayName).toBe("Git");
    expect(isDetected(manifest, { GITHUB_ACTIONS: "true", JENKINS_URL: "https://ci" })).toBe(false);
    expect(isDetected(manifest, {})).toBe(false);
  });

  it("maps the checkout and, with no tag, the whole history of HEAD", async () => {
    const { repo, git } = await tempRepo({
      ...fourCommits,
      branch: "feature/SHOP-12-price-cache",
      remoteUrl: "git@github.com:acme/shop-web.git",
    });
    const draft = await collect(createTestContext({ env: {}, git }));
    expect(draft).toEqual({
      buildEnvironment: "Git",
      branch: "feature/SHOP-12-price-cache",
      vcsType: "git",
      vcsRoot: "git@github.com:acme/shop-web.git",
      vcsCommitNumber: repo.shas[3],
      commitRange: { to: repo.shas[3], source: "HEAD (no --since and no tag)" },
      sources: {
        buildEnvironment: "git adapter",
        branch: "git symbolic-ref HEAD",
        vcsType: "git checkout",
        vcsRoot: "git remote get-url",
        vcsCommitNumber: "git rev-parse HEAD",
      },
    });

    const { buildInformation } = normalizeDraft(await resolveDraftCommits(draft, git));
    expect(buildInformation).toMatchObject({
      BuildEnvironment: "Git",
      Branch: "feature/SHOP-12-price-cache",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: repo.shas[3],
    });
    expect(buildInformation.Commits).toEqual([
      { Id: repo.shas[3], Comment: "Tidy up" },
      { Id: repo.shas[2], Comment: "SHOP-12 Cache prices\n\nFixes #41" },
      { Id: repo.shas[1], Comment: "SHOP-11 Add the catalogue\n\nWith paging." },
      { Id: repo.shas[0], Comment: "Initial import" },
    ]);
  });

  it("takes the commits since the newest tag behind HEAD", async () => {
    const { repo, git } = await tempRepo(fourCommits);
    repo.git(["tag", "v0.9", repo.shas[0]!]);
    repo.git(["tag", "-a", "-m", "Release 1.0", "v1.0", repo.shas[1]!]);
    const draft = await collect(createTestContext({ env: {}, git }));
    expect(draft.commitRange).toEqual({
      from: repo.shas[1],
      to: repo.shas[3],
      source: "v1.0..HEAD (last tag)",
    });
    const resolved = await resolveDraftCommits(draft, git);
    expect(resolved.commits?.map((c) => c.id)).toEqual([repo.shas[3], repo.shas[2]]);
    expect(resolved.sources?.commits).toBe("git log v1.0..HEAD (last tag)");
  });

  it("lists a tagged release's own commits: the range starts at the tag before HEAD's", async () => {
    const { repo, git } = await tempRepo(fourCommits);
    repo.git(["tag", "v1.0", repo.shas[0]!]);
    repo.git(["tag", "-a", "-m", "Release 1.1", "v1.1", repo.shas[3]!]);
    const draft = await collect(createTestContext({ env: {}, git }));
    expect(draft.commitRange).toEqual({
      from: repo.shas[0],
      to: repo.shas[3],
      source: "v1.0..HEAD (last tag)",
    });
  });

  it("reads the whole history when the only tag is on HEAD", async () => {
    const { repo, git } = await tempRepo(fourCommits);
    repo.git(["tag", "v1.0", repo.shas[3]!]);
    const draft = await collect(createTestContext({ env: {}, git }));
    expect(draft.commitRange).toEqual({ to: repo.shas[3], source: "HEAD (no --since and no tag)" });
  });

  it("takes --since from its options", async () => {
    const { repo, git } = await tempRepo(fourCommits);
    repo.git(["tag", "v1.0", repo.shas[2]!]);
    const draft = await collect(createTestContext({ env: {}, git, options: { since: repo.shas[0] } }));
    expect(draft.commitRange).toEqual({
      from: repo.shas[0],
      to: repo.shas[3],
      source: `${repo.shas[0]}..HEAD (--since)`,
    });
    const resolved = await resolveDraftCommits(draft, git);
    expect(resolved.commits?.map((c) => c.id)).toEqual([repo.shas[3], repo.shas[2], repo.shas[1]]);
  });
});
