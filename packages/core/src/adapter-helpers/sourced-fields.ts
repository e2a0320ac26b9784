import type { BuildInformationDraft, DraftField } from "../draft";
import type { EnvValue } from "./first-env";

export type SourcedField = Exclude<DraftField, "buildEnvironment" | "commits">;

export type SourcedFields = Pick<BuildInformationDraft, SourcedField> & {
  sources: Partial<Record<DraftField, string>>;
};

/** Draft fields from found values, each value's source recorded in `sources`; missing values stay undefined. */
export function sourcedFields(values: Partial<Record<SourcedField, EnvValue | undefined>>): SourcedFields {
  const result: SourcedFields = { sources: {} };
  for (const [field, found] of Object.entries(values) as [SourcedField, EnvValue | undefined][]) {
    if (found === undefined) continue;
    result[field] = found.value;
    result.sources[field] = found.source;
  }
  return result;
}
