import {
  applyOverrides,
  type BuildInformation,
  type DraftOverrides,
  normalizeDraft,
  readBuildInformationFile,
} from "@buildinfo/core";

export interface FileBuildInformation {
  buildInformation: BuildInformation;
  /** What the user should be told: odd keys in the file, commits dropped. */
  warnings: string[];
}

/**
 * The build information of an octo build-information file (`content` as read, UTF-8 or UTF-16 with a
 * BOM; `source` names it in errors), with the overrides applied, normalised and validated.
 */
export function buildInformationFromFile(
  content: Uint8Array,
  source: string,
  options: { overrides?: DraftOverrides; commitCap?: number } = {},
): FileBuildInformation {
  const read = readBuildInformationFile(content, source);
  const normalized = normalizeDraft(
    applyOverrides(read.draft, options.overrides ?? {}),
    options.commitCap === undefined ? {} : { commitCap: options.commitCap },
  );
  return {
    buildInformation: normalized.buildInformation,
    warnings: [...read.warnings, ...normalized.warnings],
  };
}
