import type { BuildInformationDraft } from "@buildinfo/core";
import { afterEach, describe, expect, it } from "vitest";
import { resolveDraftCommits } from "../src/index";
import { rejection } from "./support/rejection";
import { tempRepoIn } from "./support/temp-repo";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const tempRepo = tempRepoIn(cleanups);

const threeCommits = { commits: [{ message: "one" }, { message: "two\n\nbody" }, { message: "three" }] };

describe("resolveDraftCommits", () => {
  it("fills the commits of the draft's range and names the source", async () => {
    const { repo, git } = await tempRepo(threeCommits);
    const draft: BuildInformationDraft = {
      buildEnvironment: "GitLab CI",
      vcsCommitNumber: repo.shas[2],
      sources: { vcsCommitNumber: "CI_COMMIT_SHA" },
      commitRange: { from: repo.shas[0], to: repo.shas[2]!, source: "CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA" },
    };
    const resolved = await resolveDraftCommits(draft, git);
    expect(resolved.commits).toEqual([
      { id: repo.shas[2], comment: "three" },
      { id: repo.shas[1], comment: "two\n\nbody" },
    ]);
    expect(resolved.sources).toEqual({
      vcsCommitNumber: "CI_COMMIT_SHA",
      commits: "git log CI_COMMIT_BEFORE_SHA..CI_COMMIT_SHA",
    });
    expect(resolved.warnings).toBeUndefined();
    expect(draft.commits).toBeUndefined();
  });

  it("leaves a draft alone when it already has commits or asks for no range", async () => {
    const { git } = await tempRepo(threeCommits);
    const withCommits: BuildInformationDraft = {
      buildEnvironment: "Jenkins",
      commits: [],
      commitRange: { to: "HEAD", source: "test" },
    };
    expect(await resolveDraftCommits(withCommits, git)).toBe(withCommits);
    const withoutRange: BuildInformationDraft = { buildEnvironment: "Jenkins" };
    expect(await resolveDraftCommits(withoutRange, git)).toBe(withoutRange);
  });

  it("reads the whole history for an all-zero previous commit and says so", async () => {
    const { repo, git } = await tempRepo(threeCommits);
    const resolved = await resolveDraftCommits(
      {
        buildEnvironment: "GitHub Actions",
        warnings: ["earlier warning"],
        commitRange: { from: "0".repeat(40), to: repo.shas[2]!, source: "before..GITHUB_SHA" },
      },
      git,
    );
    expect(resolved.commits?.map((c) => c.id)).toEqual([...repo.shas].reverse());
    expect(resolved.warnings).toHaveLength(2);
    expect(resolved.warnings?.[0]).toBe("earlier warning");
    expect(resolved.warnings?.[1]).toContain("before..GITHUB_SHA");
    expect(resolved.warnings?.[1]).toContain("all zeros");
  });

  it("warns that a whole-history read of a shallow clone may be incomplete", async () => {
    const { repo, git } = await tempRepo({ ...threeCommits, shallowClone: true });
    const resolved = await resolveDraftCommits(
      { buildEnvironment: "Git", commitRange: { to: "HEAD", source: "HEAD" } },
      git,
    );
    expect(resolved.commits).toEqual([{ id: repo.shas[2], comment: "three" }]);
    expect(resolved.warnings).toHaveLength(1);
    expect(resolved.warnings?.[0]).toContain("shallow");
    expect(resolved.warnings?.[0]).toContain("--unshallow");
  });

  it("passes maxCount to the reader", async () => {
    const { repo, git } = await tempRepo(threeCommits);
    const resolved = await resolveDraftCommits(
      { buildEnvironment: "Git", commitRange: { to: "HEAD", source: "HEAD" } },
      git,
      { maxCount: 1 },
    );
    expect(resolved.commits?.map((c) => c.id)).toEqual([repo.shas[2]]);
  });

  it("reads the head-only range `X^..X` of a repository's first commit as that commit alone", async () => {
    const { repo, git } = await tempRepo({ commits: [{ message: "first" }] });
    const head = repo.shas[0]!;
    const resolved = await resolveDraftCommits(
      {
        buildEnvironment: "GitLab CI",
        commitRange: { from: `${head}^`, to: head, source: "CI_COMMIT_SHA^..CI_COMMIT_SHA" },
      },
      git,
    );
    expect(resolved.commits).toEqual([{ id: head, comment: "first" }]);
    expect(resolved.sources?.commits).toBe("git log CI_COMMIT_SHA^..CI_COMMIT_SHA");
  });

  it("reads a head-only range `X^..X` that has a parent with one git process", async () => {
    const { repo, git } = await tempRepo(threeCommits);
    const head = repo.shas[2]!;
    const commands: string[] = [];
    const counting = {
      ...git,
      run: (args: readonly string[]) => {
        commands.push(args[0]!);
        return git.run(args);
      },
    };
    const resolved = await resolveDraftCommits(
      {
        buildEnvironment: "GitLab CI",
        commitRange: { from: `${head}^`, to: head, source: "CI_COMMIT_SHA^..CI_COMMIT_SHA" },
      },
      counting,
    );
    expect(resolved.commits?.map((commit) => commit.id)).toEqual([head]);
    expect(commands).toEqual(["log"]);
  });

  it("does not take a commit whose parent a shallow clone left out for a first commit", async () => {
    const { repo, git } = await tempRepo({ ...threeCommits, shallowClone: true });
    const head = repo.shas[2]!;
    const error = await rejection(
      resolveDraftCommits(
        {
          buildEnvironment: "GitLab CI",
          commitRange: { from: `${head}^`, to: head, source: "CI_COMMIT_SHA^..CI_COMMIT_SHA" },
        },
        git,
      ),
    );
    expect(error.code).toBe("E_SHALLOW_CLONE");
  });
});
