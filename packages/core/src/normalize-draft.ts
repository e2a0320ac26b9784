import { normalizeBranch } from "./branch";
import { type BuildInformation, parseBuildInformation } from "./build-information";
import { normalizeBuildUrl } from "./build-url";
import { cleanText } from "./clean-text";
import { normalizeCommits } from "./commits";
import { fromSource } from "./describe-value";
import type { BuildInformationDraft } from "./draft";
import { BuildInfoError } from "./errors";
import { isLocalRepositoryPath, normalizeVcsRoot } from "./vcs-root";
import { normalizeVcsType } from "./vcs-type";

export interface NormalizeDraftOptions {
  commitCap?: number;
  /** Remote names stripped from the branch; default `["origin"]`. */
  remotes?: readonly string[];
}

export interface NormalizedDraft {
  buildInformation: BuildInformation;
  warnings: string[];
}

/** Applies every normalisation and validation rule to what an adapter (or a file) found. */
export function normalizeDraft(
  draft: BuildInformationDraft,
  options: NormalizeDraftOptions = {},
): NormalizedDraft {
  const sources = draft.sources ?? {};
  const warnings = [...(draft.warnings ?? [])];
  const buildEnvironment = trimmed(draft.buildEnvironment);
  const vcsRootValue = clean(draft.vcsRoot);
  if (buildEnvironment === undefined) {
    throw new BuildInfoError(
      "E_MISSING_BUILD_ENVIRONMENT",
      `BuildEnvironment is empty${fromSource(sources.buildEnvironment)}.`,
      { source: sources.buildEnvironment },
    );
  }
  const vcsType = normalizeVcsType(clean(draft.vcsType), sources.vcsType);
  let vcsRoot: string | undefined;
  if (isLocalRepositoryPath(vcsRootValue)) {
    warnings.push(
      `VcsRoot${fromSource(sources.vcsRoot)} is a local path, which Octopus cannot link to; it was left out. Pass --vcs-root with the repository's https URL.`,
    );
  } else {
    vcsRoot = normalizeVcsRoot(vcsRootValue, sources.vcsRoot);
  }
  const commits = normalizeCommits(
    draft.commits ?? [],
    options.commitCap === undefined ? {} : { cap: options.commitCap },
  );
  if (draft.commits === undefined && draft.commitRange) {
    warnings.push(
      `The commits of ${draft.commitRange.source} were not read from the checkout; none are included.`,
    );
  }
  warnings.push(...commits.warnings);
  if (trimmed(draft.buildNumber) === undefined) {
    warnings.push(
      `BuildNumber is empty${fromSource(sources.buildNumber)}: Octopus shows the build's link with no text. ` +
        "Pass --build-number with the build's number or name.",
    );
  }
  const candidate = {
    BuildEnvironment: buildEnvironment,
    BuildNumber: trimmed(draft.buildNumber),
    BuildUrl: normalizeBuildUrl(clean(draft.buildUrl), sources.buildUrl),
    Branch: normalizeBranch(
      clean(draft.branch),
      options.remotes === undefined ? {} : { remotes: options.remotes },
    ),
    VcsType: vcsType,
    VcsRoot: vcsRoot,
    VcsCommitNumber: trimmed(draft.vcsCommitNumber),
    Commits: commits.commits,
  };
  const parsed = parseBuildInformation(withoutUndefined(candidate));
  if (!parsed.success) {
    throw new BuildInfoError(
      "E_INVALID_BUILD_INFORMATION",
      `The build information is invalid: ${parsed.error.message}`,
      {
        hint: "Check the values the build server gave, or override them with flags.",
      },
    );
  }
  return { buildInformation: parsed.data, warnings };
}

/** A raw value without NULs, lone surrogates or trailing whitespace, like commit messages. */
function clean(value: string | undefined): string | undefined {
  return value === undefined ? undefined : cleanText(String(value));
}

function trimmed(value: string | undefined): string | undefined {
  const result = clean(value)?.trim() ?? "";
  return result === "" ? undefined : result;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
