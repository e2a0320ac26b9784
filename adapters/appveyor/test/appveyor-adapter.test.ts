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
  { message: "SHOP-7 coupon codes\n\nCodes are validated against the promotions service.\nCloses #12" },
];

async function repo(shallowClone = false): Promise<TempGitRepo> {
  const created = await createTempGitRepo({
    commits,
    branch: "feature/SHOP-7-coupons",
    remoteUrl: "https://github.com/acme/shop-web.git",
    shallowClone,
  });
  repos.push(created);
  return created;
}

/**
 * A branch build's variables as the AppVeyor docs list them (docs/reference/servers/appveyor.md#environment): the head commit's
 * message split into its first line and the rest, as AppVeyor splits it.
 */
function branchBuildEnv(
  checkout: TempGitRepo,
  overrides: Record<string, string | undefined> = {},
): Environment {
  const head = checkout.git(["rev-parse", "HEAD"]);
  return {
    APPVEYOR: "True",
    CI: "True",
    APPVEYOR_URL: "https://ci.appveyor.com",
    APPVEYOR_API_URL: "http://localhost:1065/",
    APPVEYOR_ACCOUNT_NAME: "acme",
    APPVEYOR_PROJECT_ID: "612345",
    APPVEYOR_PROJECT_NAME: "shop-web",
    APPVEYOR_PROJECT_SLUG: "shop-web",
    APPVEYOR_BUILD_FOLDER: checkout.dir,
    APPVEYOR_BUILD_ID: "51234567",
    APPVEYOR_BUILD_NUMBER: "311",
    APPVEYOR_BUILD_VERSION: "1.0.311",
    APPVEYOR_BUILD_WORKER_IMAGE: "Visual Studio 2022",
    APPVEYOR_JOB_ID: "5b1e4kq9w0m3x2vy",
    APPVEYOR_JOB_NAME: "",
    APPVEYOR_JOB_NUMBER: "1",
    APPVEYOR_REPO_PROVIDER: "gitHub",
    APPVEYOR_REPO_SCM: "git",
    APPVEYOR_REPO_NAME: "acme/shop-web",
    APPVEYOR_REPO_BRANCH: "feature/SHOP-7-coupons",
    APPVEYOR_REPO_TAG: "false",
    APPVEYOR_REPO_COMMIT: head,
    APPVEYOR_REPO_COMMIT_AUTHOR: "Ada Builder",
    APPVEYOR_REPO_COMMIT_AUTHOR_EMAIL: "ada@example.com",
    APPVEYOR_REPO_COMMIT_TIMESTAMP: "2025-01-06T09:02:00.0000000Z",
    APPVEYOR_REPO_COMMIT_MESSAGE: checkout.git(["log", "-1", "--format=%s", head]),
    APPVEYOR_REPO_COMMIT_MESSAGE_EXTENDED: checkout.git(["log", "-1", "--format=%b", head]),
    APPVEYOR_SCHEDULED_BUILD: "False",
    APPVEYOR_FORCED_BUILD: "False",
    APPVEYOR_RE_BUILD: "False",
    PLATFORM: "Any CPU",
    CONFIGURATION: "Release",
    ...overrides,
  };
}

async function collect(env: Environment, checkout: TempGitRepo) {
  const git = createGitRunner(checkout.dir);
  const draft = await collectDraft(createTestContext({ env, git }));
  const resolved = await resolveDraftCommits(draft, git);
  return { draft, resolved, ...normalizeDraft(resolved) };
}

describe("appveyorAdapter", () => {
  it("detects AppVeyor from APPVEYOR on Windows (True) and Linux (true) images", () => {
    expect(isDetected(manifest, { APPVEYOR: "True" })).toBe(true);
    expect(isDetected(manifest, { APPVEYOR: "true" })).toBe(true);
    expect(isDetected(manifest, { CI: "True" })).toBe(false);
  });

  it("maps a branch build and sends the head commit with its full message from the environment", async () => {
    const checkout = await repo();
    const { buildInformation, resolved, warnings } = await collect(branchBuildEnv(checkout), checkout);
    expect(buildInformation).toEqual({
      BuildEnvironment: "AppVeyor",
      BuildNumber: "311",
      BuildUrl: "https://ci.appveyor.com/project/acme/shop-web/builds/51234567",
      Branch: "feature/SHOP-7-coupons",
      VcsType: "Git",
      VcsRoot: "https://github.com/acme/shop-web",
      VcsCommitNumber: checkout.shas[1],
      Commits: checkout.octopusCommits("-1", "HEAD"),
    });
    expect(buildInformation.Commits[0]?.Comment).toBe(commits[1]?.message);
    expect(resolved.sources).toMatchObject({
      commits: "APPVEYOR_REPO_COMMIT + APPVEYOR_REPO_COMMIT_MESSAGE + APPVEYOR_REPO_COMMIT_MESSAGE_EXTENDED",
      vcsRoot: "APPVEYOR_REPO_PROVIDER=gitHub + APPVEYOR_REPO_NAME",
      vcsType: "APPVEYOR_REPO_SCM",
    });
    expect(warnings).toEqual([
      "AppVeyor gives no previous commit for this build: only the head commit (APPVEYOR_REPO_COMMIT) is sent. " +
        "Pass --since <commit> to send the commits since then.",
    ]);
  });

  it("joins an on-premises APPVEYOR_URL with a trailing slash cleanly", async () => {
    const checkout = await repo();
    const env = branchBuildEnv(checkout, { APPVEYOR_URL: "https://appveyor.acme.example/" });
    const { buildInformation } = await collect(env, checkout);
    expect(buildInformation.BuildUrl).toBe(
      "https://appveyor.acme.example/project/acme/shop-web/builds/51234567",
    );
  });

  it("sends a one-line message as it is", async () => {
    const checkout = await repo();
    checkout.commit("Fix coupon rounding");
    const env = branchBuildEnv(checkout, { APPVEYOR_REPO_COMMIT_MESSAGE_EXTENDED: undefined });
    const { buildInformation } = await collect(env, checkout);
    expect(buildInformation.Commits).toEqual(checkout.octopusCommits("-1", "HEAD"));
  });

  it("maps a tag build to refs/tags/<name>, although APPVEYOR_REPO_BRANCH holds the tag too", async () => {
    const checkout = await repo();
    const env = branchBuildEnv(checkout, {
      APPVEYOR_REPO_TAG: "true",
      APPVEYOR_REPO_TAG_NAME: "v1.2.0",
      APPVEYOR_REPO_BRANCH: "v1.2.0",
    });
    const { buildInformation, resolved } = await collect(env, checkout);
    expect(buildInformation.Branch).toBe("refs/tags/v1.2.0");
    expect(resolved.sources?.branch).toBe("APPVEYOR_REPO_TAG_NAME");
  });

  it("takes a pull request's head branch, not APPVEYOR_REPO_BRANCH (its base)", async () => {
    const checkout = await repo();
    const env = branchBuildEnv(checkout, {
      APPVEYOR_REPO_BRANCH: "main",
      APPVEYOR_PULL_REQUEST_NUMBER: "9",
      APPVEYOR_PULL_REQUEST_TITLE: "SHOP-7 coupons",
      APPVEYOR_PULL_REQUEST_HEAD_REPO_NAME: "ada/shop-web",
      APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH: "feature/SHOP-7-coupons",
      APPVEYOR_PULL_REQUEST_HEAD_COMMIT: checkout.shas[1]!,
    });
    const { buildInformation, resolved } = await collect(env, checkout);
    expect(buildInformation.Branch).toBe("feature/SHOP-7-coupons");
    expect(resolved.sources?.branch).toBe("APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH");
  });

  it.each([
    ["gitHub", "git", "https://github.com/acme/shop-web"],
    ["github", undefined, "https://github.com/acme/shop-web"],
    ["bitBucket", "git", "https://bitbucket.org/acme/shop-web"],
    ["gitLab", "git", "https://gitlab.com/acme/shop-web"],
  ])("composes VcsRoot from APPVEYOR_REPO_PROVIDER=%s", async (provider, scm, root) => {
    const checkout = await repo();
    const env = branchBuildEnv(checkout, { APPVEYOR_REPO_PROVIDER: provider, APPVEYOR_REPO_SCM: scm });
    const { buildInformation } = await collect(env, checkout);
    expect(buildInformation).toMatchObject({ VcsRoot: root, VcsType: "Git" });
  });

  it.each(["gitHubEnterprise", "stash", "gitea", "git", "vso"])(
    "leaves VcsRoot out with a --vcs-root hint for the self-hosted provider %s",
    async (provider) => {
      const checkout = await repo();
      const env = branchBuildEnv(checkout, { APPVEYOR_REPO_PROVIDER: provider });
      const { buildInformation, warnings } = await collect(env, checkout);
      expect(buildInformation.VcsRoot).toBeUndefined();
      expect(buildInformation.VcsType).toBe("Git");
      expect(warnings[0]).toBe(
        `AppVeyor gives no repository URL for the provider ${provider}; VcsRoot is left out, so Octopus ` +
          "cannot link commits. Pass --vcs-root with the repository's https URL.",
      );
    },
  );

  it("warns that vso may be TFVC when APPVEYOR_REPO_SCM is missing", async () => {
    const checkout = await repo();
    const env = branchBuildEnv(checkout, { APPVEYOR_REPO_PROVIDER: "vso", APPVEYOR_REPO_SCM: undefined });
    const { buildInformation, resolved, warnings } = await collect(env, checkout);
    expect(buildInformation.VcsType).toBe("Git");
    expect(resolved.sources?.vcsType).toBe("APPVEYOR_REPO_PROVIDER");
    expect(warnings.some((warning) => warning.includes("Pass --vcs-type TFVC"))).toBe(true);
  });

  it.each([
    ["bitBucket", "mercurial", "APPVEYOR_REPO_SCM"],
    ["subversion", undefined, "APPVEYOR_REPO_PROVIDER"],
    ["kiln", "mercurial", "APPVEYOR_REPO_SCM"],
  ])("rejects provider %s with SCM %s, naming %s", async (provider, scm, source) => {
    const checkout = await repo();
    const env = branchBuildEnv(checkout, { APPVEYOR_REPO_PROVIDER: provider, APPVEYOR_REPO_SCM: scm });
    const error = await collect(env, checkout).catch((caught: unknown) => caught);
    expect(isBuildInfoError(error) && error.code).toBe("E_VCS_UNSUPPORTED");
    expect(isBuildInfoError(error) && error.source).toBe(source);
  });

  it("reads the head commit from the checkout when the message is missing, naming clone_depth in a shallow clone", async () => {
    const full = await repo();
    const noMessage = {
      APPVEYOR_REPO_COMMIT_MESSAGE: undefined,
      APPVEYOR_REPO_COMMIT_MESSAGE_EXTENDED: undefined,
    };
    const { buildInformation } = await collect(branchBuildEnv(full, noMessage), full);
    expect(buildInformation.Commits).toEqual(full.octopusCommits("-1", "HEAD"));

    const shallow = await repo(true);
    const error = await collect(branchBuildEnv(shallow, noMessage), shallow).catch(
      (caught: unknown) => caught,
    );
    expect(isBuildInfoError(error) && error.code).toBe("E_SHALLOW_CLONE");
    expect((error as Error).message).toContain("clone depth set by clone_depth in appveyor.yml");
  });
});
