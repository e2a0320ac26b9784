import type { DraftOverrides } from "@buildinfo/core";
import { type ParsedArgs, stringValue } from "../args";

const FLAGS = {
  "build-environment": "buildEnvironment",
  "build-number": "buildNumber",
  "build-url": "buildUrl",
  branch: "branch",
  "vcs-type": "vcsType",
  "vcs-root": "vcsRoot",
  commit: "vcsCommitNumber",
} as const;

/** The override flags the user gave, as the core's `DraftOverrides`. */
export function overridesFromArgs(values: ParsedArgs["values"]): DraftOverrides {
  const overrides: DraftOverrides = {};
  for (const [flag, field] of Object.entries(FLAGS)) {
    const value = stringValue(values, flag);
    if (value !== undefined) overrides[field] = value;
  }
  return overrides;
}
