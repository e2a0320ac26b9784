import { type Environment, isBuildInfoError, isDetected, normalizeDraft } from "@buildinfo/core";
import { createGitRunner, resolveDraftCommits } from "@buildinfo/git";
import { createTempGitRepo, createTestContext, type TempGitRepo } from "@buildinfo/testing";
import { afterEach, describe, expect, it } from "vitest";
import { collect as collectDraft } from "../src/collector";
import { manifest } from "../src/manifest";

const repos: TempGitRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

const commits = [
  { message: "Initial commit" },
  { message: "SHOP-3 checkout page\n\nAdds the basket summary." },
  { message: "SHOP-7 coupon codes\n\nCodes are validated against the promotions service.\nCloses #12" },
  { message: "Fix coupon rounding" },
];

async function repo(shallowClone = false): Promise<TempGitRepo> {
  const created = await createTempGitRepo({
    commits,
    remoteUrl: "git@github.com:acme/shop-web.git",
    shallowClone,
  });
  repos.push(created);
  return created;
}

/**
 * The `ContinuaCI.*` variables an action sees (names from Cake's ContinuaCIEnvironmentInfo,
 * docs/reference/servers/continua-ci.md#environment) for a build of two new changesets, plus the inputs the action sets.
 */
function buildEnv(checkout: TempGitRepo, overrides: Record<string, string | undefined> = {}): Environment {
  const [, , first, latest] = checkout.shas;
  return {
    "ContinuaCI.Version": "1.9.2.1085",
    "ContinuaCI.Build.Id": "4821",
    "ContinuaCI.Build.Version": "1.0.311",
    "ContinuaCI.Build.BuildNumber": "311",
    "ContinuaCI.Build.StartedBy": "Repository Trigger",
    "ContinuaCI.Build.Started": "2025-01-06 09:05:12",
    "ContinuaCI.Build.IsFeatureBranchBuild": "False",
    "ContinuaCI.Build.UsesDefaultBranch": "True",
    "ContinuaCI.Build.HasNewChanges": "True",
    "ContinuaCI.Build.ChangesetCount": "2",
    "ContinuaCI.Build.IssueCount": "1",
    "ContinuaCI.Build.Repositories": "ShopWeb",
    "ContinuaCI.Build.RepositoryBranches": "main",
    "ContinuaCI.Build.TriggeringBranch": "main",
    "ContinuaCI.Build.ChangesetRevisions": `${latest},${first}`,
    "ContinuaCI.Build.ChangesetUserNames": "ada,ada",
    "ContinuaCI.Build.ChangesetTagNames": "",
    "ContinuaCI.Build.LatestChangeset.Revision": latest!,
    "ContinuaCI.Build.LatestChangeset.Branch": "main",
    "ContinuaCI.Build.LatestChangeset.Created": "2025-01-06 09:04:00",
    "ContinuaCI.Build.LatestChangeset.FileCount": "1",
    "ContinuaCI.Build.LatestChangeset.UserName": "ada",
    "ContinuaCI.Build.LatestChangeset.TagCount": "0",
    "ContinuaCI.Build.LatestChangeset.IssueCount": "0",
    "ContinuaCI.Build.LatestChangeset.TagNames": "",
    "ContinuaCI.Build.LatestChangeset.IssueNames": "",
    "ContinuaCI.Project.Name": "Shop",
    "ContinuaCI.Configuration.Name": "Shop Web CI",
    CONTINUA_BUILD_URL: "https://continua.acme.example/ui/builds/view/4821",
    CONTINUA_VCS_ROOT: "git@github.com:acme/shop-web.git",
    CONTINUA_VCS_TYPE: "Git",
    ...overrides,
  };
}

async function collect(env: Environment, checkout: TempGitRepo) {
  const git = createGitRunner(checkout.dir);
  const draft = await collectDraft(createTestContext({ env, git }));
  const resolved = await resolveDraftCommits(draft, git);
  return { draft, resolved, ...normalizeDraft(resolved) };
}

describe("continuaCiAdapter", () => {
  it("detects Continua CI from ContinuaCI.Version", () => {
    expect(isDetected(manifest, { "ContinuaCI.Version": "1.9.2.1085" })).toBe(true);
    expect(isDetected(manifest, { CONTINUA_BUILD_URL: "https://continua.acme.example/" })).toBe(false);
  });

  it("maps a build and reads its ChangesetCount commits up to the latest changeset", async () => {
    const checkout = await repo();
    const { buildInformation, resolved, warnings } = await collect(buildEnv(checkout), checkout);
    expect(buildInformation).toEqual({
      BuildEnvironment: "Continua CI",
      BuildNumber: "311",
      BuildUrl: "https://continua.acme.example/ui/builds/view/4821",
      Branch: "main",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: checkout.shas[3],
      Commits: checkout.octopusCommits(`${checkout.shas[1]}..${checkout.shas[3]}`),
    });
    expect(resolved.sources).toMatchObject({
      buildUrl: "CONTINUA_BUILD_URL",
      vcsRoot: "CONTINUA_VCS_ROOT",
      branch: "ContinuaCI.Build.LatestChangeset.Branch",
      commits:
        "git log ContinuaCI.Build.LatestChangeset.Revision~ContinuaCI.Build.ChangesetCount..ContinuaCI.Build.LatestChangeset.Revision",
    });
    expect(warnings).toEqual([
      "Continua CI gives no previous commit for this build: reading the commits of " +
        "ContinuaCI.Build.LatestChangeset.Revision~ContinuaCI.Build.ChangesetCount.." +
        "ContinuaCI.Build.LatestChangeset.Revision instead.",
    ]);
  });

  it("reads only the latest changeset when ChangesetCount is missing", async () => {
    const checkout = await repo();
    const env = buildEnv(checkout, { "ContinuaCI.Build.ChangesetCount": undefined });
    const { buildInformation, warnings } = await collect(env, checkout);
    expect(buildInformation.Commits).toEqual(
      checkout.octopusCommits(`${checkout.shas[2]}..${checkout.shas[3]}`),
    );
    expect(warnings[0]).toMatch(/^Continua CI gives no previous commit for this build: only the head commit/);
  });

  it("prefers the branch the action passes in CONTINUA_BRANCH", async () => {
    const checkout = await repo();
    const env = buildEnv(checkout, { CONTINUA_BRANCH: "refs/heads/release/2.0" });
    const { buildInformation, resolved } = await collect(env, checkout);
    expect(buildInformation.Branch).toBe("release/2.0");
    expect(resolved.sources?.branch).toBe("CONTINUA_BRANCH");
  });

  it("warns how to pass the build URL and the repository when the action did not", async () => {
    const checkout = await repo();
    const env = buildEnv(checkout, {
      CONTINUA_BUILD_URL: undefined,
      CONTINUA_VCS_ROOT: undefined,
      CONTINUA_VCS_TYPE: undefined,
    });
    const { buildInformation, warnings } = await collect(env, checkout);
    expect(buildInformation.BuildUrl).toBeUndefined();
    expect(buildInformation.VcsRoot).toBeUndefined();
    expect(buildInformation.VcsType).toBe("Git");
    expect(warnings.slice(0, 2)).toEqual([
      "CONTINUA_BUILD_URL is not set, so the build has no link in Octopus: set it to $Build.LinkUrl$ on the " +
        "action (or pass --build-url $Build.LinkUrl$).",
      "CONTINUA_VCS_ROOT is not set, so Octopus cannot link commits: set it to the repository's URL on the " +
        "action (or pass --vcs-root).",
    ]);
  });

  it("rejects a Subversion repository named in CONTINUA_VCS_TYPE", async () => {
    const checkout = await repo();
    const env = buildEnv(checkout, { CONTINUA_VCS_TYPE: "Subversion" });
    const error = await collect(env, checkout).catch((caught: unknown) => caught);
    expect(isBuildInfoError(error) && error.code).toBe("E_VCS_UNSUPPORTED");
    expect(isBuildInfoError(error) && error.source).toBe("CONTINUA_VCS_TYPE");
  });

  it("fails with E_SHALLOW_CLONE when the changesets reach past a shallow workspace", async () => {
    const checkout = await repo(true);
    const error = await collect(buildEnv(checkout), checkout).catch((caught: unknown) => caught);
    expect(isBuildInfoError(error) && error.code).toBe("E_SHALLOW_CLONE");
  });
});
