import type { BuildInformationDraft, DraftField } from "./draft";

export type OverridableField = Exclude<DraftField, "commits">;

export type DraftOverrides = { [Field in OverridableField]?: string | undefined };

/** The command-line flag of each overridable field; it becomes the field's source. */
const overrideFlags: Readonly<Record<OverridableField, string>> = {
  buildEnvironment: "--build-environment",
  buildNumber: "--build-number",
  buildUrl: "--build-url",
  branch: "--branch",
  vcsType: "--vcs-type",
  vcsRoot: "--vcs-root",
  vcsCommitNumber: "--commit",
};

/** The draft with every given flag value in place of what the adapter found. */
export function applyOverrides(
  draft: BuildInformationDraft,
  overrides: DraftOverrides,
): BuildInformationDraft {
  const result: BuildInformationDraft = { ...draft, sources: { ...draft.sources } };
  for (const field of Object.keys(overrideFlags) as OverridableField[]) {
    const value = overrides[field];
    if (value === undefined) continue;
    result[field] = value;
    result.sources![field] = overrideFlags[field];
  }
  return result;
}
