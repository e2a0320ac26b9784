import {
  type Adapter,
  type BuildInformationDraft,
  collectFromEnv,
  draftFromEnvValues,
  type Environment,
  fillEnvTemplate,
  firstEnv,
  selectCommits,
  tagOrBranch,
} from "@buildinfo/core";
import { appveyorCommitMessage } from "./appveyor-commit-message";
import { appveyorRepositoryRoot } from "./appveyor-repository-root";

const APPVEYOR_BUILD_ENVIRONMENT = "AppVeyor";

const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === "true";

/**
 * AppVeyor from its environment variables (docs/reference/servers/appveyor.md). The environment holds only the head
 * commit (with its message), no previous commit and no repository URL.
 */
export const appveyorAdapter: Adapter = {
  id: "appveyor",
  displayName: APPVEYOR_BUILD_ENVIRONMENT,
  detect: (env) => isTrue(env.APPVEYOR),
  collect: collectFromEnv(collectAppveyor),
  rerunMarker: (env) =>
    env.APPVEYOR_RE_BUILD?.toLowerCase() === "true" ? "APPVEYOR_RE_BUILD=true" : undefined,
};

function collectAppveyor(env: Environment): BuildInformationDraft {
  const warnings: string[] = [];
  const head = firstEnv(env, ["APPVEYOR_REPO_COMMIT"]);
  const pullRequestBranch = firstEnv(env, ["APPVEYOR_PULL_REQUEST_NUMBER"])
    ? firstEnv(env, ["APPVEYOR_PULL_REQUEST_HEAD_REPO_BRANCH"])
    : undefined;
  const tag = isTrue(env.APPVEYOR_REPO_TAG) ? firstEnv(env, ["APPVEYOR_REPO_TAG_NAME"]) : undefined;
  // APPVEYOR_REPO_SCM says git or mercurial; the provider alone is ambiguous for `vso` (Git or TFVC).
  const vcsType = firstEnv(env, ["APPVEYOR_REPO_SCM", "APPVEYOR_REPO_PROVIDER"]);
  if (vcsType?.source === "APPVEYOR_REPO_PROVIDER" && vcsType.value.trim().toLowerCase() === "vso") {
    warnings.push(
      "APPVEYOR_REPO_PROVIDER is vso and APPVEYOR_REPO_SCM is not set: Azure Repos can be Git or TFVC; " +
        "the repository is taken as Git. Pass --vcs-type TFVC for a TFVC repository.",
    );
  }
  const vcsRoot = appveyorRepositoryRoot(env);
  if (vcsRoot === undefined) {
    warnings.push(
      `AppVeyor gives no repository URL for the provider ${env.APPVEYOR_REPO_PROVIDER?.trim() || "(APPVEYOR_REPO_PROVIDER unset)"}; ` +
        "VcsRoot is left out, so Octopus cannot link commits. Pass --vcs-root with the repository's https URL.",
    );
  }
  return draftFromEnvValues(
    APPVEYOR_BUILD_ENVIRONMENT,
    {
      buildNumber: firstEnv(env, ["APPVEYOR_BUILD_NUMBER", "APPVEYOR_BUILD_VERSION"]),
      buildUrl: fillEnvTemplate(
        env,
        "{APPVEYOR_URL}/project/{APPVEYOR_ACCOUNT_NAME}/{APPVEYOR_PROJECT_SLUG}/builds/{APPVEYOR_BUILD_ID}",
      ),
      branch: pullRequestBranch ?? tagOrBranch(tag, firstEnv(env, ["APPVEYOR_REPO_BRANCH"])),
      vcsType,
      vcsRoot,
      vcsCommitNumber: head,
    },
    selectCommits({
      server: "AppVeyor",
      head,
      headMessage: appveyorCommitMessage(env),
      cloneDepth: "clone_depth in appveyor.yml",
    }),
    warnings,
  );
}
