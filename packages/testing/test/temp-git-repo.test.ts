import { afterEach, describe, expect, it } from "vitest";
import { createFeatureBranchRepo } from "../src/feature-branch-repo";
import { createTempGitRepo, type TempGitRepo } from "../src/temp-git-repo";

const repos: TempGitRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

async function repoWith(options: Parameters<typeof createTempGitRepo>[0]): Promise<TempGitRepo> {
  const repo = await createTempGitRepo(options);
  repos.push(repo);
  return repo;
}

describe("createTempGitRepo", () => {
  it("makes real commits with full messages, oldest first, on the requested branch and remote", async () => {
    const repo = await repoWith({
      commits: [
        { message: "first" },
        { message: "second\n\nwith a body\n# not a comment", files: { "a/b.txt": "x" } },
      ],
      branch: "feature/x",
      remoteUrl: "git@github.com:acme/repo.git",
    });
    expect(repo.shas).toHaveLength(2);
    expect(repo.git(["rev-parse", "HEAD"])).toBe(repo.shas[1]);
    expect(repo.git(["log", "--format=%H", "--reverse"]).split("\n")).toEqual(repo.shas);
    expect(repo.git(["log", "-1", "--format=%B"])).toBe("second\n\nwith a body\n# not a comment\n");
    expect(repo.git(["branch", "--show-current"])).toBe("feature/x");
    expect(repo.git(["rev-parse", "main"])).toBe(repo.shas[1]);
    expect(repo.git(["remote", "get-url", "origin"])).toBe("git@github.com:acme/repo.git");
    expect(repo.git(["show", "HEAD:a/b.txt"])).toBe("x");
    const third = repo.commit("third");
    expect(repo.shas).toEqual([expect.any(String), expect.any(String), third]);
    expect(repo.git(["rev-parse", "main"])).toBe(repo.shas[1]);
  });

  it("is deterministic: same commits give the same shas, with fixed identity and dates", async () => {
    const first = await repoWith({ commits: [{ message: "one" }, { message: "two" }] });
    const second = await repoWith({ commits: [{ message: "one" }, { message: "two" }] });
    expect(first.shas).toEqual(second.shas);
    expect(first.git(["log", "-1", "--format=%an <%ae> %cn %aI"])).toBe(
      "Ada Builder <ada@example.com> Ada Builder 2025-01-06T09:02:00+00:00",
    );
  });

  it("makes a shallow clone whose history stops at the head", async () => {
    const repo = await repoWith({
      commits: [{ message: "one" }, { message: "two" }, { message: "three" }],
      remoteUrl: "https://example.com/acme/repo.git",
      shallowClone: true,
    });
    expect(repo.git(["rev-parse", "--is-shallow-repository"])).toBe("true");
    expect(repo.git(["rev-parse", "HEAD"])).toBe(repo.shas[2]);
    expect(repo.git(["rev-list", "--count", "HEAD"])).toBe("1");
    expect(repo.git(["remote", "get-url", "origin"])).toBe("https://example.com/acme/repo.git");
  });

  it("lists a range's commits as Octopus should receive them: newest first, full messages", async () => {
    const repo = await repoWith({
      commits: [{ message: "one" }, { message: "two\n\nwith a body" }, { message: "three" }],
    });
    expect(repo.octopusCommits(`${repo.shas[0]}..HEAD`)).toEqual([
      { Id: repo.shas[2], Comment: "three" },
      { Id: repo.shas[1], Comment: "two\n\nwith a body" },
    ]);
    expect(repo.octopusCommits("-1", "HEAD")).toEqual([{ Id: repo.shas[2], Comment: "three" }]);
  });
});

describe("createFeatureBranchRepo", () => {
  it("checks out a feature branch two commits ahead of main", async () => {
    const repo = await createFeatureBranchRepo({ remoteUrl: "https://example.com/acme/shop-web.git" });
    repos.push(repo);
    expect(repo.shas).toHaveLength(4);
    expect(repo.git(["branch", "--show-current"])).toBe("feature/SHOP-7-coupons");
    expect(repo.git(["rev-parse", "main"])).toBe(repo.shas[1]);
    expect(repo.git(["rev-parse", "HEAD"])).toBe(repo.shas[3]);
    expect(repo.octopusCommits("main..HEAD").map((commit) => commit.Comment)).toEqual([
      "Fix coupon rounding",
      "SHOP-7 coupon codes\n\nCodes are validated against the promotions service.\nCloses #12",
    ]);
    expect(repo.git(["remote", "get-url", "origin"])).toBe("https://example.com/acme/shop-web.git");
  });

  it("gives the same commits as a depth-1 clone", async () => {
    const full = await createFeatureBranchRepo({ remoteUrl: "https://example.com/acme/shop-web.git" });
    const shallow = await createFeatureBranchRepo({
      remoteUrl: "https://example.com/acme/shop-web.git",
      shallowClone: true,
    });
    repos.push(full, shallow);
    expect(shallow.shas).toEqual(full.shas);
    expect(shallow.git(["rev-parse", "--is-shallow-repository"])).toBe("true");
    expect(shallow.git(["rev-parse", "HEAD"])).toBe(full.shas[3]);
  });
});
