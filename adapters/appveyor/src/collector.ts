import {
  type BuildInformationDraft,
  type Collector,
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
import { manifest } from "./manifest";

const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === "true";

/** The build's information from its environment variables alone. */
export const collect: Collector = collectFromEnv(collectAppveyor);

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
    manifest.displayName,
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
