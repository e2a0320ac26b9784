import { createTempGitRepo, type TempGitRepo } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { rejection } from "../../http/test/support/rejection";
import { collectBuildInformation, collectPerPackage } from "../src/index";

const repos: TempGitRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

async function repository(options: Parameters<typeof createTempGitRepo>[0] = {}): Promise<TempGitRepo> {
  const repo = await createTempGitRepo({
    remoteUrl: "https://github.com/acme/shop",
    commits: ["One", "SHOP-2 Two", "Three", "Four\n\nwith a body", "Five", "Six"].map((message) => ({
      message,
    })),
    ...options,
  });
  repos.push(repo);
  return repo;
}

const collect = (repo: TempGitRepo, strict = false) =>
  collectBuildInformation({
    adapter: "git",
    env: {},
    cwd: repo.dir,
    strict,
    overrides: { buildNumber: "7" },
  });

const deployedAt = (commit: string) => ({
  commit,
  source: "release 1.0.0 (Releases-1) of Shop, deployed to Production by Deployments-1",
});

describe("readFrom", () => {
  it("reads exactly the commits after the given one, up to the build's head, from the checkout", async () => {
    const repo = await repository();
    const [, two, , , , six] = repo.shas;
    const collected = await collect(repo);
    expect(collected.buildInformation.Commits).toHaveLength(6);

    const since = await collected.readFrom(deployedAt(two!));
    expect(since.buildInformation.Commits).toEqual(repo.octopusCommits(`${two}..${six}`));
    expect(since.buildInformation.Commits.map((commit) => commit.Comment)).toEqual([
      "Six",
      "Five",
      "Four\n\nwith a body",
      "Three",
    ]);
    expect(since.draft.sources?.commits).toBe(
      `git log ${two}..${six} (since release 1.0.0 (Releases-1) of Shop, deployed to Production by Deployments-1)`,
    );
    expect([since.warnings, since.incomplete]).toEqual([[], []]);
    // The collection it came from is unchanged.
    expect(collected.buildInformation.Commits).toHaveLength(6);
  });

  it("keeps the build's own range with a warning naming the commit, the deployment and the fix in a shallow clone, and fails with strict", async () => {
    const origin = await repository();
    const shallow = await repository({ shallowClone: true });
    const deployed = origin.shas[1]!;
    const collected = await collect(shallow);
    const since = await collected.readFrom(deployedAt(deployed));

    expect(since.buildInformation).toEqual(collected.buildInformation);
    const reason =
      `The commit ${deployed} of release 1.0.0 (Releases-1) of Shop, deployed to Production by Deployments-1 is not ` +
      "in this checkout, which is a shallow clone, so the commits since it cannot be read.";
    const fix =
      "on Git: fetch the history before buildinfo runs (`git fetch --unshallow`, and `git fetch origin <branch>` for a " +
      "branch that was not fetched).";
    expect(since.incomplete).toEqual([
      {
        code: "E_DEPLOYED_COMMIT_MISSING",
        what: `the commits since ${deployed} (release 1.0.0 (Releases-1) of Shop, deployed to Production by Deployments-1)`,
        reason,
        fix,
      },
    ]);
    expect(since.warnings).toEqual([
      ...collected.warnings,
      `${reason} The build server's own range is sent instead (git log HEAD (no --since and no tag)). To fix: ${fix} (Pass --strict to fail instead.)`,
    ]);

    const strict = await collect(shallow, true);
    const error = await rejection(strict.readFrom(deployedAt(deployed)));
    expect([error.code, error.exitCode, error.message, error.hint]).toEqual([
      "E_DEPLOYED_COMMIT_MISSING",
      2,
      reason,
      `To fix: ${fix}`,
    ]);
  });

  it("says the history was rewritten when the deployed commit is no ancestor of the build, and keeps the build's own range", async () => {
    const repo = await repository();
    const lost = repo.commit("Lost to a force push");
    repo.git(["reset", "--quiet", "--hard", "HEAD~1"]);
    repo.commit("Seven");
    const collected = await collect(repo);
    const since = await collected.readFrom(deployedAt(lost));
    expect(since.buildInformation.Commits).toEqual(collected.buildInformation.Commits);
    expect(since.incomplete.map((item) => item.code)).toEqual(["E_DEPLOYED_COMMIT_NOT_ANCESTOR"]);
    expect(since.warnings[0]).toMatch(
      new RegExp(
        `^The commit ${lost} of release 1\\.0\\.0 \\(Releases-1\\).* is not an ancestor of this build's commit ${repo.shas.at(-1)}: history was rewritten since that deployment`,
      ),
    );
    const error = await rejection((await collect(repo, true)).readFrom(deployedAt(lost)));
    expect([error.code, error.exitCode]).toEqual(["E_DEPLOYED_COMMIT_NOT_ANCESTOR", 2]);
  });

  it("says a commit a full clone lacks was never fetched or rewritten away", async () => {
    const repo = await repository();
    const unknown = "0123456789abcdef0123456789abcdef01234567";
    const since = await (await collect(repo)).readFrom(deployedAt(unknown));
    expect(since.incomplete[0]).toMatchObject({
      code: "E_DEPLOYED_COMMIT_MISSING",
      reason: expect.stringContaining(
        `The commit ${unknown} of release 1.0.0 (Releases-1) of Shop, deployed to Production by Deployments-1 is not in this checkout, which is not shallow`,
      ),
      fix: expect.stringContaining(`git fetch origin ${unknown}`),
    });
  });
});

describe("collectPerPackage", () => {
  it("gives each package its own range, reading each distinct start once, and keeps the build's range with a note where there is none", async () => {
    const repo = await repository();
    const [one, two, , four, , six] = repo.shas;
    const collected = await collect(repo);
    const starts = {
      "Shop.Web": deployedAt(one!),
      "Shop.Api": deployedAt(four!),
      "Shop.Db": { note: "There is no release of Shop deployed successfully to Production yet." },
      "Shop.Worker": deployedAt(one!),
    };
    const packages = await collectPerPackage(
      collected,
      Object.keys(starts),
      (id) => starts[id as keyof typeof starts],
    );
    expect(
      packages.map((entry) => [
        entry.packageId,
        entry.collected.buildInformation.Commits.length,
        entry.notes,
      ]),
    ).toEqual([
      ["Shop.Web", 5, []],
      ["Shop.Api", 2, []],
      ["Shop.Db", 6, ["There is no release of Shop deployed successfully to Production yet."]],
      ["Shop.Worker", 5, []],
    ]);
    expect(packages[1]!.collected.buildInformation.Commits).toEqual(repo.octopusCommits(`${four}..${six}`));
    expect(packages[0]!.collected.buildInformation.Commits).toEqual(repo.octopusCommits(`${one}..${six}`));
    expect(packages[3]!.collected).toBe(packages[0]!.collected);
    expect(packages[2]!.collected).toBe(collected);
    expect(two).toBeDefined();
  });
});

describe("deferRangeFailure", () => {
  it("keeps a build range the checkout cannot read from strict until the build's own range is kept", async () => {
    const origin = await repository();
    const shallow = await repository({ shallowClone: true });
    const [c1, , , , , c6] = origin.shas;
    const gitlab = await collectBuildInformation({
      adapter: "gitlab",
      env: {
        GITLAB_CI: "true",
        CI_COMMIT_SHA: c6,
        CI_COMMIT_BEFORE_SHA: c1,
        CI_PROJECT_URL: "https://gitlab.com/acme/shop",
      },
      cwd: shallow.dir,
      strict: true,
      deferRangeFailure: true,
    });
    expect(gitlab.incomplete.map((item) => item.code)).toEqual(["E_SHALLOW_CLONE"]);
    const kept = await rejection(gitlab.readFrom());
    expect([kept.code, kept.exitCode]).toEqual(["E_SHALLOW_CLONE", 2]);
    const withoutDeferral = await rejection(
      collectBuildInformation({
        adapter: "gitlab",
        env: { GITLAB_CI: "true", CI_COMMIT_SHA: c6, CI_COMMIT_BEFORE_SHA: c1 },
        cwd: shallow.dir,
        strict: true,
      }),
    );
    expect(withoutDeferral.code).toBe("E_SHALLOW_CLONE");
  });
});
