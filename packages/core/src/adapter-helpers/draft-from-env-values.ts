import type { BuildInformationDraft } from "../draft";
import type { EnvValue } from "./first-env";
import type { CommitSelection } from "./select-commits";
import { type SourcedField, sourcedFields } from "./sourced-fields";

/**
 * The whole draft of an adapter that reads only its environment: the found values with their sources,
 * the commit selection, and the adapter's own warnings followed by the selection's.
 */
export function draftFromEnvValues(
  buildEnvironment: string,
  values: Partial<Record<SourcedField, EnvValue | undefined>>,
  selection: CommitSelection,
  warnings: readonly string[] = [],
): BuildInformationDraft {
  const fields = sourcedFields(values);
  const allWarnings = [...warnings, ...selection.warnings];
  return {
    buildEnvironment,
    ...fields,
    ...(selection.commits === undefined ? {} : { commits: selection.commits }),
    ...(selection.commitRange === undefined ? {} : { commitRange: selection.commitRange }),
    sources: { ...fields.sources, ...(selection.source === undefined ? {} : { commits: selection.source }) },
    ...(allWarnings.length === 0 ? {} : { warnings: allWarnings }),
  };
}
